package io.layerwise.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The reports' wording, from {@code report*.properties} in the report's language. */
final class ReportWords {

  private final ResourceBundle bundle;

  ReportWords(Locale locale) {
    this.bundle = ResourceBundle.getBundle("io.layerwise.report.report", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** A message; numbers are grouped by commas in every language, as in the formulas. */
  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
  }
}
