package io.layerwise.engine;

/** The two ways a formula is written: plain Unicode text for terminals, LaTeX for typesetting. */
public enum Notation {
  TEXT,
  LATEX;

  /** Digits grouped by thousands: {@code 50,828,751} or {@code 50{,}828{,}751}. */
  public String number(long value) {
    String digits = Long.toString(Math.abs(value));
    String separator =
        switch (this) {
          case TEXT -> ",";
          case LATEX -> "{,}";
        };
    StringBuilder sb = new StringBuilder();
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      sb.append(separator).append(digits, i, i + 3);
    }
    return value < 0 ? minus() + sb : sb.toString();
  }

  public String symbol(Symbol s) {
    return switch (this) {
      case TEXT -> s.text();
      case LATEX -> s.latex();
    };
  }

  String minus() {
    return switch (this) {
      case TEXT -> "\u2212";
      case LATEX -> "-";
    };
  }

  String times() {
    return switch (this) {
      case TEXT -> "\u00b7";
      case LATEX -> " \\cdot ";
    };
  }

  String parens(String inner) {
    return switch (this) {
      case TEXT -> "(" + inner + ")";
      case LATEX -> "\\left(" + inner + "\\right)";
    };
  }
}
