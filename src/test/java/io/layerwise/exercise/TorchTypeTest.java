package io.layerwise.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.code.RandomTorchExercises;
import org.junit.jupiter.api.Test;

class TorchTypeTest {

  /** The differential test against real PyTorch draws every module Layerwise reads. */
  @Test
  void theDifferentialTestDrawsEveryPytorchModule() {
    assertThat(RandomTorchExercises.KINDS).containsExactlyInAnyOrderElementsOf(
        TorchType.classNames());
  }

  @Test
  void autoNamesAreSnakeCase() {
    assertThat(TorchType.MULTIHEAD_ATTENTION.autoName()).isEqualTo("multihead_attention");
    assertThat(TorchType.INSTANCE_NORM2D.autoName()).isEqualTo("instance_norm2d");
    assertThat(TorchType.CONV_TRANSPOSE3D.autoName()).isEqualTo("conv_transpose3d");
  }
}
