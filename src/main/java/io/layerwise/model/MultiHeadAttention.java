package io.layerwise.model;

import java.util.OptionalLong;

/**
 * {@code MultiHeadAttention}: query, key and value projected into {@code numHeads} heads, attention
 * per head, then projected back to the query's feature size. One input means self-attention
 * (query = key = value); two are query and value (key = value); three are query, value and key,
 * in Keras' call order.
 *
 * @param numHeads the heads
 * @param keyDim the size of each head's query and key
 * @param valueDim the size of each head's value; Keras' default is {@code keyDim}
 * @param useBias whether the four projections have biases
 */
public record MultiHeadAttention(long numHeads, long keyDim, OptionalLong valueDim,
    boolean useBias) implements Layer {

  public MultiHeadAttention {
    if (numHeads <= 0 || keyDim <= 0 || valueDim.orElse(1) <= 0) {
      throw new IllegalArgumentException("heads and sizes must be positive");
    }
  }

  public long valueSize() {
    return valueDim.orElse(keyDim);
  }

  @Override
  public LayerType type() {
    return LayerType.MULTI_HEAD_ATTENTION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.multiHeadAttention(this);
  }

  @Override
  public int maxInputs() {
    return 3;
  }
}
