package io.layerwise.model;

/**
 * Keras' {@code TimeDistributed}: one layer applied to every slice of its input along the first
 * axis after the batch (the time steps), the same weights at every step.
 *
 * @param layer the wrapped layer, which sees one time step's slice
 */
public record TimeDistributed(Layer layer) implements Layer {

  public TimeDistributed {
    if (layer.maxInputs() != 1 || layer instanceof TimeDistributed) {
      throw new IllegalArgumentException("TimeDistributed wraps a layer with one input");
    }
  }

  @Override
  public LayerType type() {
    return LayerType.TIME_DISTRIBUTED;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.timeDistributed(this);
  }
}
