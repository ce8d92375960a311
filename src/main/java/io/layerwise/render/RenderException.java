package io.layerwise.render;

/** A template that cannot be loaded or fails while rendering; the message names the template. */
public final class RenderException extends Exception {

  private static final long serialVersionUID = 1L;

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
