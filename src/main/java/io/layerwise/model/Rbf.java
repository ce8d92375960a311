package io.layerwise.model;

/**
 * LeNet-5's output layer ({@code RBF}): one Euclidean radial basis function unit per class, each
 * computing {@code y_i = Σ_j (x_j − w_ij)²} against its own centre vector over the last axis. Not a
 * Keras class.
 *
 * @param units how many units (classes)
 * @param fixed the centres are set by hand and not trained, as in the 1998 paper (LeNet-5's are
 *     7×12 bitmaps of the ten digits): they count as non-trainable parameters
 */
public record Rbf(long units, boolean fixed) implements Layer {

  public Rbf {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive");
    }
  }

  @Override
  public LayerType type() {
    return LayerType.RBF;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.rbf(this);
  }
}
