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
    calc.output(first);
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
    long total =
        calc.derive(
            Symbols.outputShape(axis),
            Symbols.out(letter),
            Formulas.sum(symbols, sizes),
            Explanation.of("concatenate.output", calc.inputs.size()));
    calc.output(first.with(axis, total));
    calc.noParams(Explanation.of("merge.params", calc.inputs.size()));
  }
}
