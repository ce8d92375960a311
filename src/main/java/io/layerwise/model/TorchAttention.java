package io.layerwise.model;

import java.util.OptionalLong;

/**
 * PyTorch's {@code nn.MultiheadAttention}, in PyTorch's spelling: the query's {@code embedDim}
 * features split among {@code numHeads} heads, key and value projected from their own sizes
 * ({@code kdim}, {@code vdim}; the embedding size when not given) to the embedding size, and the
 * heads projected back to it. One input is self-attention; two are query and key (the key is
 * also the value); three are query, key and value, in PyTorch's call order.
 *
 * @param embedDim the query's features, which the output keeps
 * @param numHeads the heads, which must divide {@code embedDim}
 * @param bias whether the input and output projections have biases
 * @param addBiasKv whether a learned bias_k and bias_v (E each) are appended to key and value
 * @param kdim the key's features, when not the embedding size
 * @param vdim the value's features, when not the embedding size
 * @param batchFirst whether tensors are (batch, sequence, features); no count depends on it
 */
public record TorchAttention(long embedDim, long numHeads, boolean bias, boolean addBiasKv,
    OptionalLong kdim, OptionalLong vdim, boolean batchFirst) implements Layer {

  public TorchAttention {
    if (embedDim <= 0 || numHeads <= 0 || kdim.orElse(1) <= 0 || vdim.orElse(1) <= 0) {
      throw new IllegalArgumentException("sizes and heads must be positive");
    }
  }

  public long keySize() {
    return kdim.orElse(embedDim);
  }

  public long valueSize() {
    return vdim.orElse(embedDim);
  }

  /** PyTorch's {@code _qkv_same_embed_dim}: one packed in_proj_weight of 3E×E. */
  public boolean packed() {
    return keySize() == embedDim && valueSize() == embedDim;
  }

  @Override
  public String className(Framework framework, int inputRank) {
    return switch (framework) {
      case KERAS -> type().className();
      case PYTORCH -> "MultiheadAttention";
    };
  }

  @Override
  public LayerType type() {
    return LayerType.MULTI_HEAD_ATTENTION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.torchAttention(this);
  }

  @Override
  public int maxInputs() {
    return 3;
  }
}
