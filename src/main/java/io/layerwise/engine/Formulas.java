package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.div;
import static io.layerwise.engine.Expr.max;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.num;
import static io.layerwise.engine.Expr.sub;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.Pad;
import java.util.ArrayList;
import java.util.List;

/**
 * The formulas of the textbook, as functions from numbers to {@link Formula}s. Pure and public so
 * that mistake models can feed them wrong numbers.
 */
public final class Formulas {

  private Formulas() {}

  /**
   * Output size of a window sliding over one padded axis: {@code ⌊(X_in + 2P − K)/S⌋ + 1}, with
   * {@code d·(K − 1) + 1} for K when dilated and {@code P_before + P_after} for 2P when the padding
   * is not symmetric.
   */
  public static Formula windowOutput(String letter, long in, long k, long s, Pad pad, long d) {
    return windowOutput(letter, in, k, s, pad, d, WindowForm.RIGHT);
  }

  /**
   * How a window formula is written: right, or with one of the classic slips, so that a mistake
   * model can show the formula the student used with the student's numbers.
   */
  public enum WindowForm {
    /** {@code ⌊(X_in + 2P − K)/S⌋ + 1}. */
    RIGHT,
    /** {@code ⌊(X_in + 2P − K)/S⌋}: the first window position forgotten. */
    NO_PLUS_ONE,
    /** {@code ⌈(X_in + 2P − K)/S⌉ + 1}: a last partial window counted. */
    CEIL,
    /** {@code ⌊(X_in + P − K)/S⌋ + 1}: padding added on one side only. */
    PAD_ONE_SIDE,
    /** {@code X_in + 2P − K + 1}: the stride forgotten. */
    NO_STRIDE
  }

  /** {@link #windowOutput(String, long, long, long, Pad, long)} written in the given form. */
  public static Formula windowOutput(
      String letter, long in, long k, long s, Pad pad, long d, WindowForm form) {
    Bindings.Builder b = Bindings.builder();
    Expr padded =
        form == WindowForm.PAD_ONE_SIDE && pad.isSymmetric()
            ? add(var(bind(b, Symbols.in(letter), in)), var(bind(b, Symbols.P, pad.before())))
            : padded(b, letter, in, pad);
    b.bind(Symbols.K, k);
    Expr span;
    if (d == 1) {
      span = sub(padded, var(Symbols.K));
    } else {
      b.bind(Symbols.DILATION, d);
      span =
          sub(
              sub(padded, mul(var(Symbols.DILATION), sub(var(Symbols.K), num(1)))),
              num(1));
    }
    Expr steps;
    if (form == WindowForm.NO_STRIDE) {
      steps = span;
    } else {
      b.bind(Symbols.S, s);
      steps = div(span, var(Symbols.S),
          form == WindowForm.CEIL ? Rounding.CEIL : Rounding.FLOOR);
    }
    Expr e = form == WindowForm.NO_PLUS_ONE ? steps : add(steps, num(1));
    return new Formula(e, b.build());
  }

  private static Symbol bind(Bindings.Builder b, Symbol symbol, long value) {
    b.bind(symbol, value);
    return symbol;
  }

  /** The padded size of an axis: {@code X_in + 2P}, or {@code X_in + P_before + P_after}. */
  public static Formula paddedSize(String letter, long in, Pad pad) {
    Bindings.Builder b = Bindings.builder();
    Expr e = padded(b, letter, in, pad);
    return new Formula(e, b.build());
  }

  /** The size left after cropping: {@code X_in − 2c}, or {@code X_in − c_before − c_after}. */
  public static Formula croppedSize(String letter, long in, Pad crop) {
    Symbol xin = Symbols.in(letter);
    Bindings.Builder b = Bindings.builder().bind(xin, in);
    Expr e;
    if (crop.isSymmetric()) {
      Symbol c = Symbol.of("c");
      b.bind(c, crop.before());
      e = sub(var(xin), mul(num(2), var(c)));
    } else {
      Symbol before = Symbol.sub("c", "before");
      Symbol after = Symbol.sub("c", "after");
      b.bind(before, crop.before()).bind(after, crop.after());
      e = sub(sub(var(xin), var(before)), var(after));
    }
    return new Formula(e, b.build());
  }

  private static Expr padded(Bindings.Builder b, String letter, long in, Pad pad) {
    Symbol xin = Symbols.in(letter);
    b.bind(xin, in);
    if (pad.isSymmetric()) {
      b.bind(Symbols.P, pad.before());
      return add(var(xin), mul(num(2), var(Symbols.P)));
    }
    Symbol before = Symbol.sub("P", "before");
    Symbol after = Symbol.sub("P", "after");
    b.bind(before, pad.before()).bind(after, pad.after());
    return add(add(var(xin), var(before)), var(after));
  }

  /** Output size of a {@code same} window: {@code ⌈X_in/S⌉}. */
  public static Formula sameOutput(String letter, long in, long s) {
    Symbol xin = Symbols.in(letter);
    Bindings b = Bindings.builder().bind(xin, in).bind(Symbols.S, s).build();
    return new Formula(div(var(xin), var(Symbols.S), Rounding.CEIL), b);
  }

  /**
   * Keras' output size of a transposed convolution without output padding: {@code X_in·S +
   * max(K − S, 0)} for valid, {@code X_in·S} for same.
   */
  public static Formula transposedOutput(String letter, long in, long k, long s, long d,
      boolean same) {
    Symbol xin = Symbols.in(letter);
    Bindings.Builder b = Bindings.builder().bind(xin, in).bind(Symbols.S, s);
    Expr stretched = mul(var(xin), var(Symbols.S));
    if (same) {
      return new Formula(stretched, b.build());
    }
    b.bind(Symbols.K, k);
    Expr kernel = dilatedKernel(b, d);
    return new Formula(add(stretched, max(sub(kernel, var(Symbols.S)), num(0))), b.build());
  }

  /**
   * Output size of a transposed convolution with explicit output padding, Keras' form: {@code
   * (X_in − 1)·S + K − 2P + OP} with P = ⌊K/2⌋ for same and 0 for valid; PyTorch's form when the
   * padding is explicit: {@code (X_in − 1)·S − 2P + d·(K − 1) + OP + 1}.
   */
  public static Formula transposedOutput(
      String letter, long in, long k, long s, long d, long pad, long outputPadding,
      boolean pytorchForm) {
    Symbol xin = Symbols.in(letter);
    Symbol op = Symbol.of("OP");
    Bindings.Builder b = Bindings.builder().bind(xin, in).bind(Symbols.S, s);
    Expr base = mul(sub(var(xin), num(1)), var(Symbols.S));
    b.bind(Symbols.P, pad).bind(Symbols.K, k);
    Expr e;
    if (pytorchForm) {
      Expr kernelSpan = sub(var(Symbols.K), num(1));
      if (d != 1) {
        b.bind(Symbols.DILATION, d);
        kernelSpan = mul(var(Symbols.DILATION), kernelSpan);
      }
      e = add(add(add(sub(base, mul(num(2), var(Symbols.P))), kernelSpan), var(op)), num(1));
    } else {
      Expr kernel = dilatedKernel(b, d);
      e = add(sub(add(base, kernel), mul(num(2), var(Symbols.P))), var(op));
    }
    b.bind(op, outputPadding);
    return new Formula(e, b.build());
  }

  private static Expr dilatedKernel(Bindings.Builder b, long d) {
    if (d == 1) {
      return var(Symbols.K);
    }
    b.bind(Symbols.DILATION, d);
    return add(mul(var(Symbols.DILATION), sub(var(Symbols.K), num(1))), num(1));
  }

  /** The product of named values: {@code K_h·K_w·C_in·F}. */
  public static Formula product(List<Symbol> symbols, List<Long> values) {
    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = new ArrayList<>();
    for (int i = 0; i < symbols.size(); i++) {
      b.bind(symbols.get(i), values.get(i));
      factors.add(var(symbols.get(i)));
    }
    Expr e = factors.size() == 1 ? factors.get(0) : mul(factors);
    return new Formula(e, b.build());
  }

  /** The sum of named values: {@code C_1 + C_2 + C_3}. */
  public static Formula sum(List<Symbol> symbols, List<Long> values) {
    Bindings.Builder b = Bindings.builder();
    Expr e = null;
    for (int i = 0; i < symbols.size(); i++) {
      b.bind(symbols.get(i), values.get(i));
      e = e == null ? var(symbols.get(i)) : add(e, var(symbols.get(i)));
    }
    return new Formula(e, b.build());
  }

  /** A single named value: {@code F}. */
  public static Formula value(Symbol symbol, long value) {
    return new Formula(var(symbol), Bindings.builder().bind(symbol, value).build());
  }

  /** A constant: {@code 0}. */
  public static Formula constant(long value) {
    return new Formula(num(value), Bindings.of());
  }

  /** {@code c·X}: a count times a symbol, such as {@code 4·C}. */
  public static Formula times(long count, Symbol symbol, long value) {
    Expr e = count == 1 ? var(symbol) : mul(num(count), var(symbol));
    return new Formula(e, Bindings.builder().bind(symbol, value).build());
  }

  /** {@code c·(f)}: a formula taken a whole number of times, such as Adam's state for one moment. */
  public static Formula times(long count, Formula f) {
    return new Formula(mul(num(count), f.expr()), f.bindings());
  }

  /** Two formulas added, their bindings merged: weights + biases written out in full. */
  public static Formula plus(Formula left, Formula right) {
    Bindings.Builder b = Bindings.builder();
    left.bindings().asMap().forEach(b::bind);
    right.bindings().asMap().forEach(b::bind);
    return new Formula(add(left.expr(), right.expr()), b.build());
  }

  /** One formula minus another, their bindings merged. */
  public static Formula minus(Formula left, Formula right) {
    Bindings.Builder b = Bindings.builder();
    left.bindings().asMap().forEach(b::bind);
    right.bindings().asMap().forEach(b::bind);
    return new Formula(sub(left.expr(), right.expr()), b.build());
  }

  /**
   * PyTorch's output size of a pooling window with {@code ceil_mode}: the window count rounded up,
   * {@code ⌈(X_in + 2P − d·(K − 1) − 1)/S⌉ + 1} (with d = 1: {@code ⌈(X_in + 2P − K)/S⌉ + 1}),
   * but a last window must start inside the input or its left padding, which bounds the count by
   * {@code ⌊(X_in + P − 1)/S⌋ + 1}.
   */
  public static Formula ceilModeOutput(String letter, long in, long k, long s, Pad pad, long d) {
    Bindings.Builder b = Bindings.builder();
    Expr padded = padded(b, letter, in, pad);
    b.bind(Symbols.K, k).bind(Symbols.S, s);
    Expr span;
    if (d == 1) {
      span = sub(padded, var(Symbols.K));
    } else {
      b.bind(Symbols.DILATION, d);
      span = sub(sub(padded, mul(var(Symbols.DILATION), sub(var(Symbols.K), num(1)))), num(1));
    }
    Expr rounded = add(div(span, var(Symbols.S), Rounding.CEIL), num(1));
    Expr before = pad.isSymmetric() ? var(Symbols.P) : var(Symbol.sub("P", "before"));
    Expr lastStart = add(div(sub(add(var(Symbols.in(letter)), before), num(1)), var(Symbols.S),
        Rounding.FLOOR), num(1));
    return new Formula(Expr.min(rounded, lastStart), b.build());
  }

  /** The receptive field after a window: {@code R_in + (K − 1)·J_in}, or with d·(K − 1). */
  public static Formula receptiveField(long rIn, long k, long d, long jIn) {
    Bindings.Builder b = Bindings.builder().bind(Symbols.R_IN, rIn).bind(Symbols.K, k);
    Expr span = sub(var(Symbols.K), num(1));
    if (d != 1) {
      b.bind(Symbols.DILATION, d);
      span = mul(var(Symbols.DILATION), span);
    }
    b.bind(Symbols.J_IN, jIn);
    return new Formula(add(var(Symbols.R_IN), mul(span, var(Symbols.J_IN))), b.build());
  }

  /** The jump after a window: {@code J_in·S}. */
  public static Formula jump(long jIn, long s) {
    Bindings b = Bindings.builder().bind(Symbols.J_IN, jIn).bind(Symbols.S, s).build();
    return new Formula(mul(var(Symbols.J_IN), var(Symbols.S)), b);
  }
}
