package io.layerwise.render;

import io.layerwise.model.Wording;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The sheet wording, from {@code words*.properties} in the sheet's language: what Java assembles
 * ({@link #get}) and what templates print ({@link #templateWords}).
 */
final class Words {

  private final ResourceBundle bundle;

  Words(Locale locale) {
    this.bundle = Wording.bundle("io.layerwise.render.words", locale);
  }

  /**
   * The words templates print, the {@code t.*} keys without their prefix: templates hold no
   * wording of their own, so one template serves every language.
   */
  Map<String, String> templateWords() {
    Map<String, String> words = new TreeMap<>();
    for (String key : bundle.keySet()) {
      if (key.startsWith("t.")) {
        words.put(key.substring(2), bundle.getString(key));
      }
    }
    return words;
  }

  /** A message; numbers are grouped as in formulas, by commas, in every language. */
  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : Wording.format(pattern).format(args);
  }
}
