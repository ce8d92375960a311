package io.layerwise.model;

/**
 * {@code Bidirectional}: two copies of a recurrent layer, one reading the sequence forwards and
 * one backwards, their outputs merged.
 *
 * @param layer the wrapped recurrent layer (each direction has its own copy of its weights)
 * @param mergeMode how the two outputs are combined
 */
public record Bidirectional(Recurrent layer, BidirectionalMerge mergeMode) implements Layer {

  @Override
  public LayerType type() {
    return LayerType.BIDIRECTIONAL;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.bidirectional(this);
  }
}
