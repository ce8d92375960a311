package io.layerwise.report;

import io.layerwise.model.Wording;
import java.util.Locale;
import java.util.ResourceBundle;

/** The reports' wording, from {@code report*.properties} in the report's language. */
final class ReportWords {

  private final ResourceBundle bundle;

  ReportWords(Locale locale) {
    this.bundle = Wording.bundle("io.layerwise.report.report", locale);
  }

  /** A message; numbers are grouped by commas in every language, as in the formulas. */
  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : Wording.format(pattern).format(args);
  }
}
