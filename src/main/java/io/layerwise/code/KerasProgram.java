package io.layerwise.code;

import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Keras program: a {@code keras.Sequential} list where every layer takes the one
 * before, the functional API otherwise, ending with {@code model.summary()}.
 */
final class KerasProgram {

  private KerasProgram() {}

  static String write(Plan<KerasStep> plan) {
    Network net = plan.analysis.exercise().network();
    Shape shape = plan.input.apply(net.input());
    String input = "keras.Input(shape=" + Python.tuple(shape.dims())
        + (plan.integerInput() ? ", dtype='int32'" : "") + ", name=" + Python.str(Network.INPUT)
        + ")";
    boolean sequential = plan.chain() && plan.entries.stream().allMatch(
        e -> e.step().orElseThrow().calls().stream().allMatch(c -> c.arity() == KerasStep.Arity.ONE));
    List<String> lines = new ArrayList<>(List.of("import keras", "from keras import layers", ""));
    if (sequential) {
      lines.add("model = keras.Sequential([");
      lines.add("    " + input + ",");
      for (Plan.Entry<KerasStep> e : plan.entries) {
        e.permutes().get(0).ifPresent(p -> lines.add("    " + permute(p) + ","));
        e.step().orElseThrow().calls().forEach(c -> lines.add("    " + c.layer() + ","));
      }
      lines.add("])");
    } else {
      functional(plan, input, lines);
    }
    lines.add("model.summary()");
    return String.join("\n", lines) + "\n";
  }

  private static String permute(Plan.Permute p) {
    return "layers.Permute(" + Python.tuple(p.dims().stream().map(d -> d + 1L).toList())
        + ", name=" + Python.str(p.kerasName()) + ")";
  }

  private static void functional(Plan<KerasStep> plan, String input, List<String> lines) {
    Python.Names ids = new Python.Names(true, List.of());
    Map<String, String> vars = new HashMap<>();
    vars.put(Network.INPUT, "inputs");
    lines.add("inputs = " + input);
    for (Plan.Entry<KerasStep> e : plan.entries) {
      LayerNode node = e.ctx().node;
      String var = ids.take(node.name());
      List<String> in = new ArrayList<>();
      for (int i = 0; i < node.inputs().size(); i++) {
        String v = vars.get(node.inputs().get(i));
        if (e.permutes().get(i).isPresent()) {
          String p = node.inputs().size() == 1 ? var : ids.take(node.name() + "_in");
          lines.add(p + " = " + permute(e.permutes().get(i).get()) + "(" + v + ")");
          v = p;
        }
        in.add(v);
      }
      List<KerasStep.Call> calls = e.step().orElseThrow().calls();
      KerasStep.Call first = calls.get(0);
      String args = switch (first.arity()) {
        case ONE -> in.get(0);
        case LIST -> "[" + String.join(", ", in) + "]";
        case QUERY_VALUE -> in.size() == 1 ? in.get(0) + ", " + in.get(0) : String.join(", ", in);
        case QUERY_KEY_VALUE -> in.size() == 1 ? in.get(0) + ", " + in.get(0)
            : in.size() == 2 ? String.join(", ", in)
            : in.get(0) + ", " + in.get(2) + ", " + in.get(1);
      };
      lines.add(var + " = " + first.layer() + "(" + args + ")");
      for (KerasStep.Call c : calls.subList(1, calls.size())) {
        lines.add(var + " = " + c.layer() + "(" + var + ")");
      }
      vars.put(node.name(), var);
    }
    List<String> outputs = plan.outputs().stream().map(n -> vars.get(n.name())).toList();
    lines.add("model = keras.Model(inputs, " + (outputs.size() == 1 ? outputs.get(0)
        : "[" + String.join(", ", outputs) + "]") + ")");
  }
}
