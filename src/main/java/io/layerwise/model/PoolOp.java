package io.layerwise.model;

/** What a pooling window computes. */
public enum PoolOp {
  MAX,
  AVERAGE
}
