package io.layerwise.engine;

import java.util.List;

/** Thrown by {@link Engine#analyze} with every problem it found in a network. */
public final class EngineException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public EngineException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid network" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
