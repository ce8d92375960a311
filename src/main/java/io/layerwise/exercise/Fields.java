package io.layerwise.exercise;

import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.Location;
import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.Spelling;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The keys of one mapping (a layer, or the file itself), read with type checks and defaults.
 * Every problem is recorded with the value's location and the layer's name; a bad value yields a
 * harmless placeholder so that reading goes on and finds the next problem. {@link #finish} then
 * reports the keys nobody asked for, with the nearest known key.
 */
final class Fields {

  private final Node.MapNode map;
  private final Problems problems;
  private final String where;
  private final Optional<String> layer;
  private final Set<String> asked = new LinkedHashSet<>();
  private final Map<String, Location> locations = new HashMap<>();

  Fields(Node.MapNode map, Problems problems, String where, Optional<String> layer) {
    this.map = map;
    this.problems = problems;
    this.where = where;
    this.layer = layer;
    Set<String> seen = new java.util.HashSet<>();
    for (Node.Entry e : map.entries()) {
      if (!seen.add(e.key())) {
        error(e.keyLocation(), "duplicate key '" + e.key() + "'");
      }
      locations.putIfAbsent(e.key(), e.value().location());
    }
  }

  /** The keys of a mapping nested in this one (a wrapped layer), reported like this one's. */
  Fields nested(Node.MapNode inner) {
    return new Fields(inner, problems, where, layer);
  }

  Map<String, Location> locations() {
    return Collections.unmodifiableMap(locations);
  }

  Location location() {
    return map.location();
  }

  void error(Location at, String message) {
    problems.error(at, message + where, layer);
  }

  /** A problem with a suggestion, which follows the layer's name: {@code …; did you mean 'x'?}. */
  void error(Location at, String message, Optional<String> suggestion) {
    problems.error(at, message + where + suggestion.map(h -> "; did you mean '" + h + "'?")
        .orElse(""), layer);
  }

  Optional<Node> get(String key) {
    asked.add(key);
    return map.entry(key).map(Node.Entry::value);
  }

  /** Marks keys as known although they change nothing Layerwise computes (initializers, …). */
  void ignore(String... keys) {
    for (String k : keys) {
      asked.add(k);
    }
  }

  boolean has(String key) {
    return map.entry(key).isPresent();
  }

  /**
   * Reports a missing key, unless the mapping has the other framework's name for it ({@code
   * out_channels} for {@code filters}), which {@link #finish} reports with the right name.
   */
  private void missing(String key, String what) {
    if (Vocabulary.counterparts(key).stream().noneMatch(this::has)
        && Vocabulary.kerasNames(key).stream().noneMatch(this::has)) {
      error(map.location(), "missing '" + key + "' (" + what + ")");
    }
  }

  // ---- integers

  long count(String key, long fallback) {
    return get(key).map(n -> integer(n, key, 1)).orElse(fallback);
  }

  long requiredCount(String key, String what) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      missing(key, what);
      return 1;
    }
    return integer(n.get(), key, 1);
  }

  /** An integer of at least {@code min}; a placeholder of {@code max(min, 1)} when it is not one. */
  long integer(Node n, String key, long min) {
    long placeholder = Math.max(min, 1);
    // 08 and 09 are no octal numbers, so YAML 1.1 reads them as text
    Optional<String> meant = n instanceof Node.Scalar t && t.kind() == Node.Kind.STRING
        ? YamlTree.withoutLeadingZeros(t.text()) : Optional.empty();
    if (meant.isPresent()) {
      error(n.location(), key + " must be " + (min > 0 ? "a positive" : "an") + " integer: write "
          + meant.get() + " (with a leading 0, YAML reads " + ((Node.Scalar) n).text()
          + " as text)");
      return placeholder;
    }
    if (!(n instanceof Node.Scalar s) || s.kind() != Node.Kind.INTEGER) {
      error(n.location(), key + " must be " + (min > 0 ? "a positive" : "an") + " integer, not "
          + n.describe());
      return placeholder;
    }
    BigInteger v;
    try {
      v = new BigInteger(s.text());
    } catch (NumberFormatException e) {
      error(n.location(), key + " must be an integer, not " + n.describe());
      return placeholder;
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0) {
      error(n.location(), key + " must be " + (min == 1 ? "positive" : "at least " + min)
          + ", not " + v);
      return placeholder;
    }
    if (v.compareTo(BigInteger.valueOf(Limits.SIZE)) > 0) {
      error(n.location(), key + " " + v + " is larger than the limit of "
          + Limits.show(Limits.SIZE));
      return placeholder;
    }
    return v.longValueExact();
  }

  /** An integer or a list of {@code rank} integers, each at least {@code min}. */
  List<Long> tuple(String key, int rank, List<Long> fallback, long min) {
    Optional<Node> n = get(key);
    return n.isEmpty() ? fallback : tuple(n.get(), key, rank, min);
  }

  List<Long> requiredTuple(String key, int rank, String what) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      missing(key, what);
      return Collections.nCopies(rank, 1L);
    }
    return tuple(n.get(), key, rank, 1);
  }

  /**
   * A tuple as PyTorch reads it: a one-element list stands for its element on every axis (ATen
   * broadcasts {@code stride=[2]} to {@code (2, 2)}).
   */
  List<Long> torchTuple(String key, int rank, List<Long> fallback, long min) {
    Optional<Node> n = get(key);
    return n.isEmpty() ? fallback : tuple(single(n.get()), key, rank, min);
  }

  List<Long> requiredTorchTuple(String key, int rank, String what) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      missing(key, what);
      return Collections.nCopies(rank, 1L);
    }
    return tuple(single(n.get()), key, rank, 1);
  }

  /** The element of a one-element list of a scalar, else the node. */
  static Node single(Node n) {
    return n instanceof Node.ListNode list && list.items().size() == 1
        && list.items().get(0) instanceof Node.Scalar ? list.items().get(0) : n;
  }

  private List<Long> tuple(Node n, String key, int rank, long min) {
    if (n instanceof Node.ListNode list) {
      if (list.items().size() != rank) {
        error(n.location(), key + " needs " + rank + (rank == 1 ? " value" : " values")
            + ", one per spatial axis, but has " + list.items().size());
        return Collections.nCopies(rank, Math.max(min, 1));
      }
      List<Long> out = new ArrayList<>();
      for (Node item : list.items()) {
        out.add(integer(item, key, min));
      }
      return out;
    }
    return Collections.nCopies(rank, integer(n, key, min));
  }

  // ---- padding

  /** {@code valid}, {@code same}, an integer, one per axis, or a (before, after) pair per axis. */
  Padding padding(String key, int rank, Padding fallback) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      return fallback;
    }
    if (n.get() instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
      switch (s.text().toLowerCase(Locale.ROOT)) {
        case "valid":
          return Padding.VALID;
        case "same":
          return Padding.SAME;
        default:
          error(s.location(), key + " must be 'valid', 'same', a number of zeros or a list of"
              + " them, not '" + s.text() + "'", Spelling.closest(s.text(), List.of("valid", "same")));
          return fallback;
      }
    }
    return Padding.explicit(pads(n.get(), key, rank));
  }

  /** Explicit zeros: {@code 2}, {@code [1, 2]} per axis, or {@code [[top, bottom], [left, right]]}. */
  List<Pad> pads(Node n, String key, int rank) {
    List<Pad> zeros = Collections.nCopies(rank, Pad.symmetric(0));
    if (n instanceof Node.Scalar) {
      long p = integer(n, key, 0);
      return Collections.nCopies(rank, Pad.symmetric(p));
    }
    if (!(n instanceof Node.ListNode list)) {
      error(n.location(), key + " must be a number or a list, not " + n.describe());
      return zeros;
    }
    List<Node> items = list.items();
    if (rank == 1 && items.size() == 2 && items.get(0) instanceof Node.Scalar) {
      return List.of(new Pad(integer(items.get(0), key, 0), integer(items.get(1), key, 0)));
    }
    if (items.size() != rank) {
      error(n.location(), key + " needs " + rank + " entries, one per spatial axis, but has "
          + items.size());
      return zeros;
    }
    List<Pad> out = new ArrayList<>();
    for (Node item : items) {
      if (item instanceof Node.ListNode pair) {
        if (pair.items().size() != 2) {
          error(item.location(), key + " needs a pair [before, after] here, not "
              + pair.items().size() + " values");
          out.add(Pad.symmetric(0));
        } else {
          out.add(new Pad(integer(pair.items().get(0), key, 0),
              integer(pair.items().get(1), key, 0)));
        }
      } else {
        out.add(Pad.symmetric(integer(item, key, 0)));
      }
    }
    return out;
  }

  // ---- other scalars

  boolean bool(String key, boolean fallback) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      return fallback;
    }
    if (n.get() instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
      return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
    }
    error(n.get().location(), key + " must be true or false, not " + n.get().describe());
    return fallback;
  }

  Optional<String> text(String key) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof Node.Scalar s) {
      return switch (s.kind()) {
        case NULL -> Optional.empty();
        case STRING, INTEGER, DECIMAL, BOOLEAN -> Optional.of(s.text());
      };
    }
    error(n.get().location(), key + " must be text, not " + n.get().describe());
    return Optional.empty();
  }

  String requiredText(String key, String what) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      missing(key, what);
      return "";
    }
    Optional<String> t = text(key);
    if (t.isEmpty() || t.get().isBlank()) {
      if (t.isPresent() || n.get() instanceof Node.Scalar) {
        error(n.get().location(), key + " must not be empty");
      }
      return "";
    }
    return t.get();
  }

  double fraction(String key, double fallback) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      return fallback;
    }
    if (n.get() instanceof Node.Scalar s
        && (s.kind() == Node.Kind.DECIMAL || s.kind() == Node.Kind.INTEGER)) {
      try {
        double v = Double.parseDouble(s.text());
        if (v >= 0 && v <= 1) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    error(n.get().location(), key + " must be a number from 0 to 1, not " + n.get().describe());
    return fallback;
  }

  /** A Keras axis: counts the batch axis as 0, negative from the end. */
  OptionalInt axis(String key) {
    Optional<Node> n = get(key);
    if (n.isEmpty()) {
      return OptionalInt.empty();
    }
    if (n.get() instanceof Node.Scalar s && s.kind() == Node.Kind.INTEGER) {
      try {
        return OptionalInt.of(Integer.parseInt(s.text()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    error(n.get().location(), key + " must be an axis number such as -1, not "
        + n.get().describe());
    return OptionalInt.empty();
  }

  /** Reports every key that no reader asked for, with the nearest one that exists. */
  void finish(String context) {
    for (Node.Entry e : map.entries()) {
      if (!asked.contains(e.key())) {
        Optional<String> other = Vocabulary.hint(e.key(), asked);
        Optional<String> hint = Spelling.closest(e.key(), asked);
        if (other.isPresent()) {
          problems.error(e.keyLocation(), "unknown key '" + e.key() + "'" + where + "; "
              + other.get(), layer);
        } else if (hint.isPresent()) {
          error(e.keyLocation(), "unknown key '" + e.key() + "'", hint);
        } else {
          problems.error(e.keyLocation(), "unknown key '" + e.key() + "'" + where + "; "
              + context + " takes " + String.join(", ", asked), layer);
        }
      }
    }
  }
}
