package io.layerwise.code;

import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the PyTorch program: an {@code nn.Module} whose {@code __init__} creates one submodule
 * per layer, named after it, and whose {@code forward} wires them; then one forward pass (which
 * prints the output shape) and the parameter counts, all and trainable.
 */
final class TorchProgram {

  private static final String INDENT = "        ";

  private TorchProgram() {}

  static String write(Plan<TorchStep> plan) {
    Network net = plan.analysis.exercise().network();
    String cls = className(plan.analysis.exercise().id());
    Python.Names ids = new Python.Names(true, List.of(cls));
    boolean chain = plan.chain();
    Map<String, String> vars = new HashMap<>();
    vars.put(Network.INPUT, "x");
    List<String> init = new ArrayList<>();
    List<String> forward = new ArrayList<>();
    for (Plan.Entry<TorchStep> e : plan.entries) {
      LayerNode node = e.ctx().node;
      String id = ids.take(node.name());
      TorchStep step = e.step().orElseThrow();
      step.module().ifPresent(m -> init.add(INDENT + "self." + id + " = " + m));
      List<String> in = new ArrayList<>();
      for (int i = 0; i < node.inputs().size(); i++) {
        String v = vars.get(node.inputs().get(i));
        in.add(e.permutes().get(i).map(p -> v + ".permute(0, " + String.join(", ",
            p.dims().stream().map(d -> Integer.toString(d + 1)).toList()) + ")").orElse(v));
      }
      String out = chain ? "x" : id;
      step.forward().lines("self." + id, in, out).forEach(l -> forward.add(INDENT + l));
      vars.put(node.name(), out);
    }
    List<String> outputs = plan.outputs().stream().map(n -> vars.get(n.name())).toList();
    Shape shape = plan.input.apply(net.input());
    StringBuilder dummy = new StringBuilder("torch.zeros(1");
    shape.dims().forEach(d -> dummy.append(", ").append(d));
    dummy.append(plan.integerInput() ? ", dtype=torch.long)" : ")");

    List<String> lines = new ArrayList<>(List.of("import torch", "from torch import nn", "", "",
        "class " + cls + "(nn.Module):", "    def __init__(self):", INDENT + "super().__init__()"));
    lines.addAll(init);
    lines.add("");
    lines.add("    def forward(self, x):");
    lines.addAll(forward);
    lines.add(INDENT + "return " + String.join(", ", outputs));
    lines.add("");
    lines.add("");
    lines.add("model = " + cls + "().eval()");
    lines.add(outputs.size() == 1 ? "print(model(" + dummy + ").shape)"
        : "print([y.shape for y in model(" + dummy + ")])");
    lines.add("print(sum(p.numel() for p in model.parameters()),"
        + " sum(p.numel() for p in model.parameters() if p.requires_grad))");
    return String.join("\n", lines) + "\n";
  }

  /** The exercise id in CamelCase: {@code course-example} → {@code CourseExample}. */
  static String className(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    String name = sb.toString();
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "Net" + name;
    }
    return Python.RESERVED.contains(name) ? name + "Net" : name;
  }
}
