package io.layerwise.engine;

import io.layerwise.model.Framework;

/** The symbols that many formulas share. */
final class Symbols {

  static final Symbol WEIGHTS = Symbol.word("weights");
  static final Symbol BIASES = Symbol.word("biases");
  static final Symbol PARAMS = Symbol.word("params");
  static final Symbol TRAINABLE = Symbol.word("trainable");
  static final Symbol NON_TRAINABLE = Symbol.word("non_trainable");
  static final Symbol MACS = new Symbol("MACs", "\\mathrm{MACs}");
  static final Symbol ACTIVATIONS = Symbol.word("activations");
  static final Symbol K = Symbol.of("K");
  static final Symbol S = Symbol.of("S");
  static final Symbol P = Symbol.of("P");
  static final Symbol DILATION = Symbol.of("d");
  static final Symbol C_IN = Symbol.sub("C", "in");
  static final Symbol C_OUT = Symbol.sub("C", "out");
  static final Symbol F = Symbol.of("F");
  static final Symbol G = Symbol.of("G");
  static final Symbol M = Symbol.of("M");
  static final Symbol U = Symbol.of("U");
  static final Symbol R_IN = Symbol.sub("R", "in");
  static final Symbol R_OUT = Symbol.sub("R", "out");
  static final Symbol J_IN = Symbol.sub("J", "in");
  static final Symbol J_OUT = Symbol.sub("J", "out");

  private Symbols() {}

  static Symbol in(String letter) {
    return Symbol.sub(letter, "in");
  }

  static Symbol out(String letter) {
    return Symbol.sub(letter, "out");
  }

  /** A kernel size along one axis: K_h, K_w (lower-case axis letter). */
  static Symbol kernel(String letter) {
    return Symbol.sub("K", letter.toLowerCase(java.util.Locale.ROOT));
  }

  /** The quantity of a layer's count in the other framework: {@code params_keras}. */
  static Derived otherParams(Framework framework) {
    return new Derived.OtherParams(other(framework));
  }

  static Symbol otherParamsSymbol(Framework framework) {
    return switch (other(framework)) {
      case KERAS -> paramsOf("Keras");
      case PYTORCH -> paramsOf("PyTorch");
    };
  }

  /** A total named after whose count it is: {@code params_Keras}. */
  static Symbol paramsOf(String whose) {
    return new Symbol("params_" + whose, "\\mathrm{params}_{\\mathrm{" + whose + "}}");
  }

  /** A difference: {@code Δ_BN}, or {@code Δ} alone for an empty subscript. */
  static Symbol delta(String subscript) {
    return subscript.isEmpty() ? new Symbol("\u0394", "\\Delta")
        : new Symbol("\u0394_" + subscript, "\\Delta_{\\mathrm{" + subscript + "}}");
  }

  static Framework other(Framework framework) {
    return switch (framework) {
      case KERAS -> Framework.PYTORCH;
      case PYTORCH -> Framework.KERAS;
    };
  }

  static Derived outputShape(int axis) {
    return new Derived.OutputAxis(axis);
  }
}
