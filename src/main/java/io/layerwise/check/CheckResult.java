package io.layerwise.check;

import io.layerwise.model.Exercise;
import java.util.List;

/**
 * The self-check of one answers file.
 *
 * @param exercise the exercise answered
 * @param findings one per given answer, in the order of the answers file
 */
public record CheckResult(Exercise exercise, List<Finding> findings) {

  public CheckResult {
    findings = List.copyOf(findings);
  }

  public long correct() {
    return findings.stream().filter(Finding::correct).count();
  }

  /** Wrong answers that follow correctly from the student's own earlier wrong answer. */
  public long carried() {
    return findings.stream().filter(f -> f.verdict() == Verdict.CARRIED).count();
  }

  /** Answers neither right nor carried. */
  public long wrong() {
    return total() - correct() - carried();
  }

  /** Right and carried answers: the marks a fair marker gives. */
  public long credited() {
    return correct() + carried();
  }

  public int total() {
    return findings.size();
  }

  public boolean allCorrect() {
    return correct() == total();
  }
}
