package io.layerwise.diagnostic;

import java.util.List;

/** An exercise file that cannot be analysed, with every problem found in it, in file order. */
public final class ExerciseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public ExerciseException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "invalid exercise" : diagnostics.get(0).message());
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("an exercise exception needs a diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
