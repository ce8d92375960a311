package io.layerwise.engine;

import io.layerwise.model.Concatenate;
import io.layerwise.model.Merge;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Merges of several inputs: element-wise ({@code Add}) and {@code Concatenate}. */
final class MergeRules {

  private MergeRules() {}

  static void merge(LayerCalc calc, Merge layer) {
    Shape first = calc.inputs.get(0);
    for (int i = 1; i < calc.inputs.size(); i++) {
      Shape other = calc.inputs.get(i);
      if (!other.equals(first)) {
        throw calc.fail("inputs", calc.typeName() + " needs inputs of one shape, but '"
            + calc.node.inputs().get(0) + "' gives " + first + " and '"
            + calc.node.inputs().get(i) + "' gives " + other);
      }
    }
    int channels = calc.layout.channelAxis(first.rank());
    if (first.rank() > 1 && calc.slip(Mistake.ADD_AS_CONCATENATE)) {
      List<Symbol> symbols = new ArrayList<>();
      List<Long> sizes = new ArrayList<>();
      for (int i = 0; i < calc.inputs.size(); i++) {
        symbols.add(Symbol.sub("C", Integer.toString(i + 1)));
        sizes.add(calc.inputs.get(i).dim(channels));
      }
      long sum = calc.derive(Symbols.outputShape(channels), Symbols.C_OUT,
          Formulas.sum(symbols, sizes), LayerCalc.slipWhy(Mistake.ADD_AS_CONCATENATE));
      calc.output(first.with(channels, sum));
    } else {
      calc.output(first);
    }
    calc.noParams(Explanation.of("merge.params", calc.inputs.size()));
  }

  static void concatenate(LayerCalc calc, Concatenate layer) {
    Shape first = calc.inputs.get(0);
    int rank = first.rank();
    int axis;
    if (layer.axis().isPresent()) {
      OptionalInt resolved = Layout.resolveAxis(layer.axis().getAsInt(), rank);
      if (resolved.isEmpty()) {
        throw calc.fail("axis", "axis " + layer.axis().getAsInt() + " is "
            + (layer.axis().getAsInt() == 0 ? "the batch axis" : "outside the inputs' rank " + rank));
      }
      axis = resolved.getAsInt();
    } else {
      axis = calc.layout.channelAxis(rank);
    }
    List<Symbol> symbols = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    String letter = calc.layout.dimLetter(rank, axis);
    for (int i = 0; i < calc.inputs.size(); i++) {
      Shape s = calc.inputs.get(i);
      boolean fits = s.rank() == rank;
      for (int a = 0; fits && a < rank; a++) {
        fits = a == axis || s.dim(a) == first.dim(a);
      }
      if (!fits) {
        throw calc.fail("inputs", "Concatenate along axis " + (axis + 1) + " needs inputs that"
            + " agree on every other axis, but '" + calc.node.inputs().get(0) + "' gives "
            + first + " and '" + calc.node.inputs().get(i) + "' gives " + s);
      }
      symbols.add(Symbol.sub(letter, Integer.toString(i + 1)));
      sizes.add(s.dim(axis));
    }
    Formula sum = Formulas.sum(symbols, sizes);
    Explanation why = Explanation.of("concatenate.output", calc.inputs.size());
    if (calc.slip(Mistake.CONCATENATE_AS_ADD)) {
      sum = Formulas.value(symbols.get(0), sizes.get(0));
      why = LayerCalc.slipWhy(Mistake.CONCATENATE_AS_ADD);
    }
    long total = calc.derive(Symbols.outputShape(axis), Symbols.out(letter), sum, why);
    calc.output(first.with(axis, total));
    calc.noParams(Explanation.of("merge.params", calc.inputs.size()));
  }
}
