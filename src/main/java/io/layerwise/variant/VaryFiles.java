package io.layerwise.variant;

/**
 * Exercise files whose {@code vary:} makes {@code variants} work hard, shared by the tests and
 * {@code layerwise bench --limits}, which times them.
 */
public final class VaryFiles {

  /** The layers of {@link #hopeless()}: a stem of 3, 182 residual blocks of 11, a head of 8. */
  public static final int HOPELESS_LAYERS = 2_013;

  private VaryFiles() {}

  /**
   * A 2,013-layer exercise (residual blocks) whose {@code vary:} has 10⁵ combinations of which
   * one makes a valid network: five valid convolutions at the end of a 32×32 network, each with a
   * kernel of 3 or of 65 to 73, larger than its input. Every draw reads and analyses the whole
   * network (milliseconds each), so the old draws spent their whole 60 s budget before saying
   * that none was valid.
   */
  public static String hopeless() {
    StringBuilder sb = new StringBuilder("""
        title: hopeless
        description: Five kernel sizes after 2,002 layers of residual blocks; only 3 fits.
        vary:
        """);
    for (int i = 1; i <= 5; i++) {
      sb.append("  k").append(i).append(": [3, 65, 66, 67, 68, 69, 70, 71, 72, 73]\n");
    }
    sb.append("""
        input: [32, 32, 8]
        blocks:
          unit:
            layers:
              - {type: Conv2D, name: c1, inputs: [$input], filters: 8, kernel_size: 3, padding: same}
              - {type: BatchNormalization, name: b1}
              - {type: Activation, name: a1, activation: relu}
              - {type: Conv2D, name: c2, filters: 8, kernel_size: 3, padding: same}
              - {type: BatchNormalization, name: b2}
              - {type: Activation, name: a2, activation: relu}
              - {type: Conv2D, name: c3, filters: 8, kernel_size: 1}
              - {type: BatchNormalization, name: b3}
              - {type: Activation, name: a3, activation: relu}
              - {type: Add, name: add, inputs: [$input, a3]}
              - {type: Activation, name: out, activation: relu}
        layers:
          - {type: Conv2D, name: stem, filters: 8, kernel_size: 3, padding: same}
          - {type: BatchNormalization, name: stem_bn}
          - {type: Activation, name: stem_relu, activation: relu}
        """);
    for (int b = 1; b <= 182; b++) {
      sb.append("  - {use: unit, name: u").append(b).append("}\n");
    }
    for (int i = 1; i <= 5; i++) {
      sb.append("  - {type: Conv2D, name: v").append(i).append(", filters: 8, kernel_size: $k")
          .append(i).append("}\n");
    }
    sb.append("""
          - {type: Flatten, name: flatten}
          - {type: Dense, name: fc, units: 32}
          - {type: Dense, name: out, units: 10}
        """);
    return sb.toString();
  }
}
