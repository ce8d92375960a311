package io.layerwise.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The problems found while reading one file, collected rather than thrown. */
public final class Problems {

  private final List<Diagnostic> list = new ArrayList<>();

  public void error(Location at, String message) {
    list.add(Diagnostic.error(at, message));
  }

  public void error(Location at, String message, Optional<String> layer) {
    Diagnostic d = Diagnostic.error(at, message);
    list.add(layer.map(d::withLayer).orElse(d));
  }

  public void add(Diagnostic d) {
    list.add(d);
  }

  public boolean any() {
    return !list.isEmpty();
  }

  public int count() {
    return list.size();
  }

  /** In file order, so that the first one printed is the first one in the file. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparingInt((Diagnostic d) -> d.location().line())
        .thenComparingInt(d -> d.location().column()));
    return copy;
  }
}
