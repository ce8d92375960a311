package io.layerwise.model;

/** Element-wise merges of tensors of one shape. */
public enum MergeOp {
  ADD,
  SUBTRACT,
  MULTIPLY,
  MAXIMUM,
  AVERAGE
}
