package io.layerwise.diagnosis;

import io.layerwise.model.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an honest slip of the pen looks like, for the gate on carried-error credit: a chain of
 * answers carried from an earlier wrong one is credited only when that one is a catalogued
 * mistake, another layer's number, or such a slip of the right value; {@code 1×1×1} is none of
 * them, so answers built on it earn nothing. The self-check page's script ({@code selfcheck.js})
 * generates the same {@link #corrections} and compares their hashes, so both give one verdict.
 *
 * <p>A number's slips: one more or one less; for two digits or more, one digit written wrong (no
 * leading zero) or two neighbouring digits swapped. A shape's: one of its sizes slipped, every axis
 * that holds that size alike (29×29×8 for 28×28×8: a spatial size computed once, written twice),
 * or its channel axis moved to the other end (8×28×28 for 28×28×8). Never a slip: a count of 0 or
 * 1, a shape of ones only.
 */
public final class HonestSlips {

  private HonestSlips() {}

  /** Whether {@code given} is an honest slip of the right value {@code right}. */
  public static boolean explains(Value right, Value given) {
    return !(right instanceof Value.Decimal) && corrections(given).contains(right.canonical());
  }

  /**
   * The canonical values an honest slip could have turned into {@code given}: what the student
   * meant to write, if {@code given} was a slip.
   */
  public static Set<String> corrections(Value given) {
    Set<String> out = new LinkedHashSet<>();
    String canonical = given.canonical();
    if (given instanceof Value.Decimal) {
      return out;
    }
    if (given instanceof Value.Count) {
      if (!canonical.equals("0") && !canonical.equals("1")) {
        out.addAll(numbers(canonical, true));
      }
      return out;
    }
    String[] parts = canonical.split("x");
    if (Arrays.stream(parts).allMatch("1"::equals)) {
      return out;
    }
    if (parts.length >= 2) {
      List<String> list = Arrays.asList(parts);
      List<String> lastFirst = new ArrayList<>(list.subList(parts.length - 1, parts.length));
      lastFirst.addAll(list.subList(0, parts.length - 1));
      List<String> firstLast = new ArrayList<>(list.subList(1, parts.length));
      firstLast.add(parts[0]);
      out.add(String.join("x", lastFirst));
      out.add(String.join("x", firstLast));
    }
    Set<String> sizes = new LinkedHashSet<>(Arrays.asList(parts));
    for (String size : sizes) {
      for (String c : numbers(size, false)) {
        String[] changed = parts.clone();
        for (int i = 0; i < changed.length; i++) {
          if (changed[i].equals(size)) {
            changed[i] = c;
          }
        }
        out.add(String.join("x", changed));
      }
    }
    out.remove(canonical);
    return out;
  }

  /** A number's slips: ±1, and for two digits or more one digit changed or two swapped. */
  private static List<String> numbers(String n, boolean zero) {
    List<String> out = new ArrayList<>();
    BigInteger v = new BigInteger(n);
    BigInteger less = v.subtract(BigInteger.ONE);
    if (less.signum() > 0 || (zero && less.signum() == 0)) {
      out.add(less.toString());
    }
    out.add(v.add(BigInteger.ONE).toString());
    if (n.length() < 2) {
      return out;
    }
    for (int i = 0; i < n.length(); i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != n.charAt(i) && (i > 0 || d != '0')) {
          out.add(n.substring(0, i) + d + n.substring(i + 1));
        }
      }
    }
    for (int i = 0; i + 1 < n.length(); i++) {
      if (n.charAt(i) != n.charAt(i + 1) && (i > 0 || n.charAt(i + 1) != '0')) {
        out.add(n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2));
      }
    }
    return out;
  }
}
