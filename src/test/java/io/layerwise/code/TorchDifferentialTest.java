package io.layerwise.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.Layerwise;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random PyTorch exercises, each built in real PyTorch (one Python process for the batch): where
 * torch builds and runs a network, Layerwise must find every layer's output shape and parameter
 * count as torch does; where torch raises, Layerwise must refuse the network, naming the layer
 * torch failed at and none before it. Skipped without PyTorch, but fails in CI.
 *
 * <p>{@code -Dlayerwise.torch.seed=N} draws another set (a held-out check);
 * {@code -Dlayerwise.torch.count=N} another size.
 */
@Tag("python")
class TorchDifferentialTest {

  private static final Path SCRIPT =
      Path.of("src/test/resources/io/layerwise/code/torch_differential.py");

  @TempDir Path dir;

  @Test
  void layerwiseAgreesWithTorchOnRandomNetworks() throws Exception {
    PythonRunner.requireTorch();
    long seed = Long.getLong("layerwise.torch.seed", 20261203L);
    int count = Integer.getInteger("layerwise.torch.count", 240);
    RandomTorchExercises gen = new RandomTorchExercises(seed);
    List<RandomTorchExercises.Net> nets = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      nets.add(gen.next(n));
    }
    Path json = dir.resolve("nets.json");
    Files.writeString(json, nets.stream().map(RandomTorchExercises.Net::json)
        .collect(Collectors.joining(",\n", "[", "]")));
    long start = System.nanoTime();
    PythonRunner.Result r = PythonRunner.run(dir, SCRIPT.toAbsolutePath().toString(),
        json.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.exit()).as(r.output()).isZero();
    Map<String, String[]> torch = new HashMap<>();
    for (String line : r.output().split("\n")) {
      String[] f = line.split("\t", -1);
      torch.put(f[0], Arrays.copyOfRange(f, 1, f.length));
    }

    List<String> disagreements = new ArrayList<>();
    Set<String> kinds = new HashSet<>();
    int refused = 0;
    int layers = 0;
    int agreeingLayers = 0;
    for (RandomTorchExercises.Net net : nets) {
      net.layers().forEach(m -> kinds.add(m.type()));
      String[] t = torch.get(net.id());
      assertThat(t).as("torch's answer for " + net.id() + "\n" + r.output()).isNotNull();
      int errorAt = -1;
      int ran = t.length;
      for (int i = 0; i < t.length; i++) {
        if (t[i].equals("error")) {
          errorAt = Integer.parseInt(t[i + 1]);
          ran = i;
        }
      }
      layers += net.layers().size();
      String problem;
      if (errorAt >= 0) {
        refused++;
        problem = refusal(net, errorAt, t[ran + 2]);
        agreeingLayers += problem.isEmpty() ? net.layers().size() : 0;
      } else {
        Agreement a = agreement(net, Arrays.copyOf(t, ran));
        problem = a.problem();
        agreeingLayers += a.layers();
      }
      if (!problem.isEmpty()) {
        disagreements.add(net.id() + ": " + problem + "\n" + net.yaml());
      }
    }
    System.out.printf("torch differential: seed %d, %d networks (%d refused by torch), %d of %d"
        + " agree, %d of %d layers; torch took %d ms%n", seed, nets.size(), refused,
        nets.size() - disagreements.size(), nets.size(), agreeingLayers, layers, millis);
    assertThat(disagreements).as(String.join("\n", disagreements)).isEmpty();
    assertThat(refused).as("networks torch refuses").isGreaterThan(nets.size() / 10);
    if (count >= 200) {
      assertThat(kinds).containsAll(RandomTorchExercises.KINDS);
    }
  }

  /** Empty when Layerwise refuses the layer torch refused, and none before it. */
  private static String refusal(RandomTorchExercises.Net net, int errorAt, String message) {
    String failing = net.layers().get(errorAt).name();
    try {
      Layerwise.explain(net.id() + ".yaml", net.yaml());
      return "torch refuses layer '" + failing + "' (" + message + "), Layerwise accepts it";
    } catch (ExerciseException e) {
      Set<Integer> named = new HashSet<>();
      for (Diagnostic d : e.diagnostics()) {
        named.add(layerOf(net, d));
      }
      if (!named.contains(errorAt)) {
        return "torch refuses layer '" + failing + "' (" + message + "), Layerwise says "
            + e.diagnostics().stream().map(Diagnostic::format).toList();
      }
      if (named.stream().anyMatch(i -> i >= 0 && i < errorAt)) {
        return "torch builds the layers before '" + failing + "' (" + message
            + "), Layerwise refuses one: " + e.diagnostics().stream().map(Diagnostic::format)
            .toList();
      }
      return "";
    }
  }

  /** The index of the layer a diagnostic names, by name or else by line; -1 for none. */
  private static int layerOf(RandomTorchExercises.Net net, Diagnostic d) {
    for (int i = 0; i < net.layers().size(); i++) {
      if (d.layer().isPresent() && d.layer().get().equals(net.layers().get(i).name())) {
        return i;
      }
    }
    int line = d.location().line() - RandomTorchExercises.Net.FIRST_LAYER_LINE;
    return line >= 0 && line < net.layers().size() ? line : -1;
  }

  /**
   * How many layers agree with torch, and what disagrees.
   *
   * @param layers the agreeing layers
   * @param problem empty when all agree
   */
  private record Agreement(int layers, String problem) {}

  private static Agreement agreement(RandomTorchExercises.Net net, String[] torch) {
    Analysis a;
    try {
      a = Layerwise.explain(net.id() + ".yaml", net.yaml());
    } catch (ExerciseException e) {
      return new Agreement(0, "torch builds it, Layerwise says "
          + e.diagnostics().stream().map(Diagnostic::format).toList());
    }
    List<String> problems = new ArrayList<>();
    int agree = 0;
    for (int i = 0; i < net.layers().size(); i++) {
      LayerResult l = a.layers().get(i);
      String ours = l.output().dims().stream().map(String::valueOf)
          .collect(Collectors.joining("x")) + " " + l.params();
      if (ours.equals(torch[i])) {
        agree++;
      } else {
        problems.add("layer '" + l.name() + "': torch " + torch[i] + ", Layerwise " + ours);
      }
    }
    return new Agreement(agree, String.join("; ", problems));
  }
}
