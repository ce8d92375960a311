package io.layerwise.publish;

/** A conversion or a write that failed; the message says which file and why. */
public final class PublishException extends Exception {

  private static final long serialVersionUID = 1L;

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
