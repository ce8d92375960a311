package io.layerwise.engine;

import io.layerwise.Bundled;
import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every derivation of every bundled exercise: its text evaluates to its result, and more. */
class BundledDerivationsTest {

  static List<Path> files() {
    return Bundled.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void derivationsAgreeWithTheirNumbers(Path file) throws ExerciseException {
    DerivationConsistency.check(Layerwise.explain(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parametersEqualTheWeightTensorsKerasWouldCreate(Path file) throws ExerciseException {
    Analysis a = Layerwise.explain(file);
    for (LayerResult l : a.layers()) {
      assertThat(l.params()).as(l.name())
          .isEqualTo(WeightShapes.count(WeightShapes.of(a.exercise().framework(), l)));
    }
  }
}
