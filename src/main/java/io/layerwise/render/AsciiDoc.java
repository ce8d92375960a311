package io.layerwise.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns untrusted text into AsciiDoc that shows exactly that text.
 *
 * <p>Every ASCII character that AsciiDoc could read as markup (all punctuation) becomes a numeric
 * character reference, which Asciidoctor passes through to HTML and asciidoctor-pdf turns back
 * into the glyph. No directive ({@code include::}), macro ({@code pass:[]}), attribute reference,
 * block delimiter or inline formatting can survive, because none can be written without
 * punctuation. A description may still use a small, safe structure: blank lines between
 * paragraphs, {@code * } or {@code - } list items, indented code, and {@code `code`} spans.
 */
public final class AsciiDoc {

  private AsciiDoc() {}

  /** Inline text: one line, all punctuation escaped. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        sb.append(' ');
      } else if (c < 0x20 || c == 0x7f) {
        continue;
      } else if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ' && c != ',') {
        sb.append("&#").append((int) c).append(';');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A symbol with a subscript as the engine writes it in prose: {@code C_in}, {@code K_h}. */
  private static final java.util.regex.Pattern SYMBOL = java.util.regex.Pattern.compile(
      "(?<![A-Za-z0-9;])([A-Z])&#95;(in|out|h|w)(?![A-Za-z0-9&])");

  /**
   * Our own prose (explanations, pitfalls) as inline text, with its symbols typeset as in the
   * formulas: {@code C_in} becomes C with the subscript "in". Only for text the engine
   * wrote, never for text from an exercise file.
   */
  public static String prose(String s) {
    return SYMBOL.matcher(text(s)).replaceAll("$1~$2~");
  }

  /** Inline text with {@code `code`} spans set in monospace. */
  public static String inline(String s) {
    StringBuilder sb = new StringBuilder();
    String[] parts = s.split("`", -1);
    boolean balanced = parts.length % 2 == 1;
    for (int i = 0; i < parts.length; i++) {
      boolean code = balanced && i % 2 == 1 && !parts[i].isBlank();
      if (code) {
        sb.append("``").append(text(parts[i])).append("``");
      } else if (!balanced && i > 0) {
        sb.append("&#96;").append(text(parts[i]));
      } else {
        sb.append(text(parts[i]));
      }
    }
    return sb.toString();
  }

  /**
   * A question text as AsciiDoc blocks: paragraphs, bullet lists and literal blocks, each with
   * its text escaped.
   */
  public static String blocks(String description) {
    List<String> out = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    List<String> code = new ArrayList<>();
    String[] lines = description.replace("\r\n", "\n").split("\n", -1);
    for (String line : lines) {
      boolean indented = line.startsWith("    ") || line.startsWith("\t");
      if (indented && paragraph.isEmpty()) {
        code.add(line.startsWith("\t") ? line.substring(1) : line.substring(4));
        continue;
      }
      flushCode(out, code);
      String t = line.strip();
      if (t.isEmpty()) {
        flushParagraph(out, paragraph);
      } else if (t.startsWith("* ") || t.startsWith("- ")) {
        flushParagraph(out, paragraph);
        paragraph.add("\u0000" + t.substring(2).strip());
      } else {
        paragraph.add(t);
      }
    }
    flushCode(out, code);
    flushParagraph(out, paragraph);
    return String.join("\n\n", out);
  }

  private static void flushParagraph(List<String> out, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      if (l.startsWith("\u0000")) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append("* ").append(inline(l.substring(1)));
      } else {
        sb.append(sb.length() == 0 ? "" : " ").append(inline(l));
      }
    }
    out.add(sb.toString());
    lines.clear();
  }

  private static void flushCode(List<String> out, List<String> lines) {
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("[listing,subs=\"specialchars,replacements\"]\n----\n");
    for (String l : lines) {
      sb.append(codeLine(l)).append('\n');
    }
    out.add(sb.append("----").toString());
    lines.clear();
  }

  /** A line of a listing: escaped like text, but keeping its leading spaces. */
  private static String codeLine(String l) {
    int indent = 0;
    while (indent < l.length() && l.charAt(indent) == ' ') {
      indent++;
    }
    return " ".repeat(indent) + text(l.substring(indent));
  }
}
