package io.layerwise.model;

/** Whose counting conventions and axis order an exercise follows. */
public enum Framework {
  /** Channels-last shapes; {@code model.summary()} counts BatchNormalization's moving statistics. */
  KERAS,
  /** Channels-first shapes; {@code parameters()} leaves out buffers such as running statistics. */
  PYTORCH;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
