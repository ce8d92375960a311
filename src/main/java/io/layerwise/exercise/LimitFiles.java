package io.layerwise.exercise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One hostile file per {@link Limits limit}, each made to cross it: what {@code layerwise bench
 * --limits} times and the limits test checks the messages of. Built on demand (some are a
 * megabyte).
 */
public final class LimitFiles {

  private static final String HEAD = "title: limits\ninput: [8]\nlayers:\n";

  private LimitFiles() {}

  /** The files by the limit they cross, in a fixed order. */
  public static Map<String, Supplier<String>> all() {
    Map<String, Supplier<String>> files = new LinkedHashMap<>();
    files.put("file size", () -> "# " + "x".repeat(Limits.FILE_BYTES));
    files.put("alias expansion", LimitFiles::billionLaughs);
    files.put("nesting depth", () -> HEAD.strip() + " " + "[".repeat(100_000)
        + "]".repeat(100_000));
    files.put("layers", () -> repeated("  - {type: Dense, units: 3}", Limits.LAYERS + 1));
    files.put("dimension", () -> HEAD.replace("[8]", "[2147483649]")
        + "  - {type: Dense, units: 3}\n");
    files.put("digits", () -> HEAD + "  - {type: Dense, units: " + "9".repeat(500) + "}\n");
    files.put("unknown names", () -> HEAD + Stream.iterate(0, i -> i + 1).limit(Limits.LAYERS)
        .map(i -> "  - {type: Dense, units: 3, inputs: [x" + i + "]}\n")
        .reduce("", String::concat).substring(0, 900_000).replaceAll("\n[^\n]*$", "\n"));
    files.put("axes", () -> HEAD.replace("[8]", "[" + "1, ".repeat(300_000) + "1]")
        + "  - {type: Dense, units: 3}\n");
    files.put("inputs of a layer", () -> HEAD + "  - {type: Dense, name: a, units: 2}\n"
        + "  - {type: Add, inputs: [" + "a, ".repeat(200_000) + "a]}\n");
    files.put("blocks using blocks", LimitFiles::blockFanOut);
    files.put("interpolated text", LimitFiles::interpolation);
    files.put("long text", () -> HEAD + "  - {type: Dense, units: " + "9".repeat(900_000)
        + "}\n");
    files.put("long name", () -> HEAD + "  - {type: Dense, units: 3, name: " + "n".repeat(100_000)
        + "}\n  - {type: Dense, units: 3, inputs: [" + "n".repeat(100_001) + "]}\n");
    return files;
  }

  /** A file with {@code n} copies of {@code line} after the head. */
  private static String repeated(String line, int n) {
    return HEAD + (line + "\n").repeat(n);
  }

  /** Nine anchors, each a list of ten aliases of the one before: 10⁹ values once expanded. */
  private static String billionLaughs() {
    StringBuilder sb = new StringBuilder(HEAD).append("  - &a0 {type: Dense, units: 3}\n");
    for (int i = 1; i <= 9; i++) {
      sb.append("  - &a").append(i).append(" [")
          .append(String.join(", ", Collections.nCopies(10, "*a" + (i - 1))))
          .append("]\n");
    }
    return sb.toString();
  }

  /** Eight blocks, each using the one before a hundred times: 10¹⁴ layers once expanded. */
  private static String blockFanOut() {
    StringBuilder sb = new StringBuilder("title: limits\ninput: [8]\nblocks:\n"
        + "  b0: {layers: [{type: Dense, units: 3}]}\n");
    for (int i = 1; i <= 7; i++) {
      sb.append("  b").append(i).append(": {layers: [")
          .append(String.join(", ", Collections.nCopies(100, "{use: b" + (i - 1) + "}")))
          .append("]}\n");
    }
    return sb.append("layers:\n  - {use: b7}\n").toString();
  }

  /** Eight blocks, each passing its text ten times over to the next: a name of 10⁸ characters. */
  private static String interpolation() {
    StringBuilder sb = new StringBuilder("title: limits\ninput: [8]\nblocks:\n"
        + "  b0: {params: [x], layers: [{type: Dense, units: 3, name: \"${x}\"}]}\n");
    String ten = "${x}".repeat(10);
    for (int i = 1; i <= 7; i++) {
      sb.append("  b").append(i).append(": {params: [x], layers: [{use: b").append(i - 1)
          .append(", x: \"").append(ten).append("\"}]}\n");
    }
    return sb.append("layers:\n  - {use: b7, x: abcdefghij}\n").toString();
  }
}
