package io.layerwise.diagnosis;

import java.util.List;

/**
 * A layer's number as a function of its input shapes: the engine's derivation with each symbol
 * that comes from an input replaced by that input's axis. The self-check page evaluates these
 * trees on the student's own earlier shapes to recognise a carried error, as {@code check} does
 * with the engine.
 */
public sealed interface Term {

  /**
   * The value on the given input shapes.
   *
   * @throws ArithmeticException beyond 64 bits, or a division the inputs make impossible
   */
  long eval(List<List<Long>> inputs);

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of term. */
  interface Visitor<R> {
    R constant(Const c);

    R input(Input i);

    R apply(Apply a);
  }

  /** A number that does not depend on the inputs. @param value the number */
  record Const(long value) implements Term {
    @Override
    public long eval(List<List<Long>> inputs) {
      return value;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.constant(this);
    }
  }

  /**
   * One axis of one input.
   *
   * @param input the input's position among the layer's inputs
   * @param axis the axis, without the batch axis
   */
  record Input(int input, int axis) implements Term {
    @Override
    public long eval(List<List<Long>> inputs) {
      if (input >= inputs.size() || axis >= inputs.get(input).size()) {
        throw new ArithmeticException("no axis " + axis + " of input " + input);
      }
      return inputs.get(input).get(axis);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.input(this);
    }
  }

  /** The operations of the engine's formulas. */
  enum Op {
    ADD, SUB, MUL, FLOOR_DIV, CEIL_DIV, EXACT_DIV, MAX, MIN;

    /** The operation's name in the page's data. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * An operation on two or more terms.
   *
   * @param op the operation
   * @param args its operands, in order
   */
  record Apply(Op op, List<Term> args) implements Term {
    public Apply {
      args = List.copyOf(args);
    }

    @Override
    public long eval(List<List<Long>> inputs) {
      long acc = args.get(0).eval(inputs);
      for (Term t : args.subList(1, args.size())) {
        long v = t.eval(inputs);
        acc = switch (op) {
          case ADD -> Math.addExact(acc, v);
          case SUB -> Math.subtractExact(acc, v);
          case MUL -> Math.multiplyExact(acc, v);
          case FLOOR_DIV -> Math.floorDiv(acc, nonZero(v));
          case CEIL_DIV -> -Math.floorDiv(Math.negateExact(acc), nonZero(v));
          case EXACT_DIV -> exact(acc, nonZero(v));
          case MAX -> Math.max(acc, v);
          case MIN -> Math.min(acc, v);
        };
      }
      return acc;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.apply(this);
    }

    private static long nonZero(long v) {
      if (v == 0) {
        throw new ArithmeticException("division by zero");
      }
      return v;
    }

    private static long exact(long n, long d) {
      if (n % d != 0) {
        throw new ArithmeticException(n + " is not divisible by " + d);
      }
      return n / d;
    }
  }
}
