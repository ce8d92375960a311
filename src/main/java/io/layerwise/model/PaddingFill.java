package io.layerwise.model;

/**
 * What PyTorch's convolutions pad with ({@code padding_mode}): zeros, or the input's own values
 * mirrored, repeated or wrapped around. It changes no count, but the input must be long enough to
 * mirror or wrap.
 */
public enum PaddingFill {
  ZEROS("zeros"),
  REFLECT("reflect"),
  REPLICATE("replicate"),
  CIRCULAR("circular");

  private final String torchName;

  PaddingFill(String torchName) {
    this.torchName = torchName;
  }

  /** The value of PyTorch's {@code padding_mode}. */
  public String torchName() {
    return torchName;
  }
}
