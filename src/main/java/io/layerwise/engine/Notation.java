package io.layerwise.engine;

/**
 * The ways a formula is written: plain Unicode text for terminals, LaTeX for typesetting, and
 * MathML Core for HTML, where the browser typesets it. The three come from the same tree, so they
 * cannot disagree.
 */
public enum Notation {
  TEXT,
  LATEX,
  /** MathML Core presentation markup, without the enclosing {@code <math>} element. */
  MATHML;

  /** Digits grouped by thousands: {@code 50,828,751} or {@code 50{,}828{,}751}. */
  public String number(long value) {
    String digits = Long.toString(Math.abs(value));
    String separator =
        switch (this) {
          case TEXT, MATHML -> ",";
          case LATEX -> "{,}";
        };
    StringBuilder sb = new StringBuilder();
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      sb.append(separator).append(digits, i, i + 3);
    }
    return switch (this) {
      case TEXT, LATEX -> value < 0 ? minus() + sb : sb.toString();
      case MATHML -> value < 0 ? "<mrow>" + minus() + "<mn>" + sb + "</mn></mrow>"
          : "<mn>" + sb + "</mn>";
    };
  }

  public String symbol(Symbol s) {
    return switch (this) {
      case TEXT -> s.text();
      case LATEX -> s.latex();
      case MATHML -> MathMlSymbols.of(s);
    };
  }

  String minus() {
    return switch (this) {
      case TEXT -> "\u2212";
      case LATEX -> "-";
      case MATHML -> "<mo>\u2212</mo>";
    };
  }

  String plus() {
    return switch (this) {
      case TEXT, LATEX -> " + ";
      case MATHML -> "<mo>+</mo>";
    };
  }

  /** The sign between the steps of an equation. */
  String equalsSign() {
    return switch (this) {
      case TEXT, LATEX -> " = ";
      case MATHML -> "<mo>=</mo>";
    };
  }

  /** Between a function's arguments. */
  String comma() {
    return switch (this) {
      case TEXT, LATEX -> ", ";
      case MATHML -> "<mo>,</mo>";
    };
  }

  String times() {
    return switch (this) {
      case TEXT -> "\u00b7";
      case LATEX -> " \\cdot ";
      case MATHML -> "<mo>\u00b7</mo>";
    };
  }

  String parens(String inner) {
    return switch (this) {
      case TEXT -> "(" + inner + ")";
      case LATEX -> "\\left(" + inner + "\\right)";
      case MATHML -> "<mrow><mo>(</mo>" + inner + "<mo>)</mo></mrow>";
    };
  }

  /** A rounded quotient's brackets around it: ⌊ ⌋ or ⌈ ⌉. */
  String brackets(String open, String close, String inner) {
    return switch (this) {
      case TEXT -> open + inner + close;
      case LATEX -> "\\left\\" + (open.equals("\u230a") ? "lfloor" : "lceil") + " " + inner
          + " \\right\\" + (open.equals("\u230a") ? "rfloor" : "rceil");
      case MATHML -> "<mrow><mo fence=\"true\" stretchy=\"true\">" + open + "</mo>" + inner
          + "<mo fence=\"true\" stretchy=\"true\">" + close + "</mo></mrow>";
    };
  }
}
