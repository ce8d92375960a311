package io.layerwise.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the known name closest to a misspelt one, for layer types, keys and layer
 * names. Case and underscores do not count as differences.
 */
public final class Spelling {

  /**
   * Past this many characters a word gets no suggestion and is no candidate: the edit distance
   * is quadratic in the length, and nobody misspells a name that long by accident.
   */
  public static final int MAX_LENGTH = 64;

  /** How many characters of a value a message quotes before it cuts it. */
  private static final int QUOTED = 50;

  private Spelling() {}

  /**
   * The closest candidate within a distance that still looks like a typo, if any; none for a
   * word longer than {@link #MAX_LENGTH}.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    if (word.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String w = normalize(word);
    int allowed = Math.max(2, w.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.length() > MAX_LENGTH) {
        continue;
      }
      String n = normalize(c);
      // the distance is at least the difference in length: skip what cannot be close enough
      if (Math.abs(n.length() - w.length()) > Math.min(allowed, bestDistance - 1)) {
        continue;
      }
      int d = distance(w, n);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /**
   * A name as a message quotes it: whole up to 60 characters, else its first 50 and how long it
   * is, so that a diagnostic names a value without repeating a file.
   */
  public static String quoted(String name) {
    return name.length() <= QUOTED + 10 ? name
        : name.substring(0, name.offsetByCodePoints(0, Math.min(QUOTED,
            name.codePointCount(0, name.length())))) + "… (" + String.format(Locale.ROOT, "%,d",
            name.length()) + " characters)";
  }

  /** Lower case without underscores, hyphens or spaces: {@code max_pooling2d} → {@code maxpooling2d}. */
  public static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
