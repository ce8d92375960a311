package io.layerwise.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The sheet wording that Java assembles, from {@code words*.properties} in the sheet's language. */
final class Words {

  private final ResourceBundle bundle;
  private final Locale locale;

  Words(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("io.layerwise.render.words", locale);
  }

  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
