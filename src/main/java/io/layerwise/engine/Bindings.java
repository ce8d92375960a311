package io.layerwise.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a formula's symbols, in the order they were bound. Immutable: {@link #with}
 * returns a copy, which is how a mistake model substitutes a wrong input.
 */
public final class Bindings {

  private final Map<Symbol, Long> values;

  private Bindings(Map<Symbol, Long> values) {
    this.values = values;
  }

  public static Bindings of() {
    return new Bindings(Map.of());
  }

  /** Starts a set of bindings; chain {@link Builder#bind} and finish with {@link Builder#build}. */
  public static Builder builder() {
    return new Builder();
  }

  public long value(Symbol symbol) {
    Long v = values.get(symbol);
    if (v == null) {
      throw new IllegalStateException("unbound symbol " + symbol.text());
    }
    return v;
  }

  public boolean has(Symbol symbol) {
    return values.containsKey(symbol);
  }

  public Bindings with(Symbol symbol, long value) {
    Map<Symbol, Long> copy = new LinkedHashMap<>(values);
    copy.put(symbol, value);
    return new Bindings(Collections.unmodifiableMap(copy));
  }

  public Map<Symbol, Long> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bindings b && values.equals(b.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Collects symbol values in order. */
  public static final class Builder {
    private final Map<Symbol, Long> values = new LinkedHashMap<>();

    public Builder bind(Symbol symbol, long value) {
      values.put(symbol, value);
      return this;
    }

    public Bindings build() {
      return new Bindings(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }
  }
}
