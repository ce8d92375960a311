package io.layerwise.code;

import static io.layerwise.code.Given.kerasCode;
import static io.layerwise.code.Given.pytorch;
import static io.layerwise.code.Given.torchCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch modules added for agreement with torch (grouped transposed convolutions, GroupNorm,
 * InstanceNorm, Identity, ZeroPad2d, Upsample, MultiheadAttention): the numbers real PyTorch 1.13
 * reports for them, and programs for both frameworks; with PyTorch installed the PyTorch program
 * prints the engine's counts.
 */
class TorchNewModulesTest {

  @TempDir Path dir;

  private static final String EVERY_NEW_KIND = """
      title: every module added for PyTorch
      framework: pytorch
      input: [4, 5, 5]
      layers:
        - {type: ConvTranspose2d, name: up, in_channels: 4, out_channels: 6, kernel_size: 3, groups: 2}
        - {type: GroupNorm, name: gn, num_groups: 3, num_channels: 6}
        - {type: InstanceNorm2d, name: inorm, num_features: 6, affine: true}
        - {type: Conv2d, name: mirror, in_channels: 6, out_channels: 4, kernel_size: 3, stride: [1], padding: 1, padding_mode: reflect}
        - {type: ZeroPad2d, name: pad, padding: [1, 0, 2, 1]}
        - {type: Upsample, name: twice, scale_factor: 2, mode: bilinear}
        - {type: Identity, name: same}
        - {type: Upsample, name: sized, size: [9, 16]}
        - {type: Flatten, name: flat}
      """;

  private static final String ATTENTION = """
      title: cross-attention in PyTorch's order
      framework: pytorch
      input: [5, 16]
      layers:
        - {type: Linear, name: k, in_features: 16, out_features: 8}
        - {type: Linear, name: v, inputs: [input], in_features: 16, out_features: 12}
        - {type: MultiheadAttention, name: mha, inputs: [input, k, v], embed_dim: 16, num_heads: 4, kdim: 8, vdim: 12, add_bias_kv: true, batch_first: true}
        - {type: MultiheadAttention, name: plain, inputs: [input, k, v], embed_dim: 16, num_heads: 4, kdim: 8, vdim: 12, bias: false}
        - {type: MultiheadAttention, name: self, inputs: [input], embed_dim: 16, num_heads: 4}
      """;

  private static LayerResult layer(Analysis a, String name) {
    return a.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  private static String shapeAndParams(LayerResult l) {
    return l.output() + " " + l.params();
  }

  @Test
  void countsAsPytorchReportsThem() {
    Analysis a = Bundled.analyzeText(EVERY_NEW_KIND);
    // ConvTranspose2d(4, 6, 3, groups=2): weight 4 × 3 × 3 × 3, bias 6
    assertThat(shapeAndParams(layer(a, "up"))).isEqualTo("(6, 7, 7) 114");
    assertThat(shapeAndParams(layer(a, "gn"))).isEqualTo("(6, 7, 7) 12");
    assertThat(shapeAndParams(layer(a, "inorm"))).isEqualTo("(6, 7, 7) 12");
    assertThat(shapeAndParams(layer(a, "mirror"))).isEqualTo("(4, 7, 7) 220");
    assertThat(shapeAndParams(layer(a, "pad"))).isEqualTo("(4, 10, 8) 0");
    assertThat(shapeAndParams(layer(a, "twice"))).isEqualTo("(4, 20, 16) 0");
    assertThat(shapeAndParams(layer(a, "same"))).isEqualTo("(4, 20, 16) 0");
    assertThat(shapeAndParams(layer(a, "sized"))).isEqualTo("(4, 9, 16) 0");
    assertThat(layer(a, "inorm").className(a.exercise().framework())).isEqualTo("InstanceNorm2d");
    assertThat(layer(a, "same").className(a.exercise().framework())).isEqualTo("Identity");

    Analysis mha = Bundled.analyzeText(ATTENTION);
    // torch: MultiheadAttention(16, 4, kdim=8, vdim=12, add_bias_kv=True) has 928 parameters
    assertThat(shapeAndParams(layer(mha, "mha"))).isEqualTo("(5, 16) 928");
    assertThat(shapeAndParams(layer(mha, "plain"))).isEqualTo("(5, 16) 832");
    assertThat(shapeAndParams(layer(mha, "self"))).isEqualTo("(5, 16) 1088");
    assertThat(layer(mha, "self").className(mha.exercise().framework()))
        .isEqualTo("MultiheadAttention");
  }

  @Test
  void groupedTransposedConvolutionIn3d() {
    Analysis a = Bundled.analyzeText("""
        title: grouped 3-D transposed convolution
        framework: pytorch
        input: [2, 3, 3, 3]
        layers:
          - {type: ConvTranspose3d, name: up, in_channels: 2, out_channels: 4, kernel_size: 2, groups: 2}
        """);
    // torch: weight 2 × 2 × 2 × 2 × 2, bias 4
    assertThat(shapeAndParams(layer(a, "up"))).isEqualTo("(4, 4, 4, 4) 36");
    assertThat(torchCode(FrameworkCode.of(a)))
        .contains("nn.ConvTranspose3d(2, 4, kernel_size=2, groups=2)");
  }

  @Test
  void bothProgramsOrANoteForEachNewModule() {
    FrameworkCode code = FrameworkCode.of(Bundled.analyzeText(EVERY_NEW_KIND));
    assertThat(torchCode(code)).contains("nn.ConvTranspose2d(4, 6, kernel_size=3, groups=2)")
        .contains("nn.GroupNorm(3, 6)").contains("nn.InstanceNorm2d(6, affine=True)")
        .contains("padding_mode='reflect'").contains("nn.Upsample(scale_factor=2)")
        .contains("nn.Upsample(size=(9, 16))");
    assertThat(code.keras()).isEmpty();
    assertThat(code.notes()).extracting(CodeNote::key).contains("none.transposeGroups");

    FrameworkCode norms = pytorch("[6, 8, 8]",
        "{type: GroupNorm, name: gn, num_groups: 2, num_channels: 6, affine: false}",
        "{type: InstanceNorm2d, name: inorm, num_features: 6, track_running_stats: true}");
    assertThat(kerasCode(norms)).contains("layers.GroupNormalization(name='gn', groups=2,"
        + " center=False, scale=False)").contains("groups=-1");
    assertThat(torchCode(norms)).contains("nn.InstanceNorm2d(6, track_running_stats=True)");

    FrameworkCode attention = FrameworkCode.of(Bundled.analyzeText(ATTENTION
        .replace(", add_bias_kv: true", "")));
    assertThat(kerasCode(attention)).contains("layers.MultiHeadAttention(4, 4, name='mha')")
        .contains("(inputs, v, k)");
    assertThat(torchCode(attention))
        .contains("nn.MultiheadAttention(16, 4, kdim=8, vdim=12, batch_first=True)")
        .contains("(x, k, v, need_weights=False)");
  }

  private static final Pattern COUNTS = Pattern.compile("(?m)^(\\d+) (\\d+)\\s*\\z");

  @Test
  @Tag("python")
  void pytorchProgramsOfTheNewModulesPrintTheEngineCounts() throws Exception {
    PythonRunner.requireTorch();
    for (String exercise : List.of(EVERY_NEW_KIND, ATTENTION)) {
      Analysis a = Bundled.analyzeText(exercise);
      Program p = FrameworkCode.of(a).pytorch().orElseThrow();
      Path py = dir.resolve("model.py");
      Files.writeString(py, p.source());
      PythonRunner.Result r = PythonRunner.run(dir, py.toString());
      assertThat(r.exit()).as(r.output() + p.source()).isZero();
      Matcher m = COUNTS.matcher(r.output());
      assertThat(m.find()).as(r.output()).isTrue();
      assertThat(Long.parseLong(m.group(1))).isEqualTo(a.totals().params());
    }
  }
}
