package io.layerwise.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A question text as blocks for an HTML template (the self-check page), read as {@link
 * AsciiDoc#blocks} reads it for the sheets: paragraphs, bullet lists ({@code * } or {@code - })
 * and indented literal blocks; {@code `code`} inline. Every piece is plain text, which the
 * template escapes: a description cannot become markup.
 */
final class DescriptionBlocks {

  private DescriptionBlocks() {}

  /**
   * The blocks in order, each a map: {@code kind} ("p", "ul" or "pre") and {@code items}, for
   * "p" one item, for "ul" one per list item, for "pre" one per line; an item of "p" and "ul" is
   * a list of segments, each with {@code text} and {@code code} ("true" for inline code).
   */
  static List<Map<String, Object>> of(String description) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<String> code = new ArrayList<>();
    for (String line : description.replace("\r\n", "\n").split("\n", -1)) {
      boolean indented = line.startsWith("    ") || line.startsWith("\t");
      if (indented && paragraph.isEmpty() && items.isEmpty()) {
        code.add(line.startsWith("\t") ? line.substring(1) : line.substring(4));
        continue;
      }
      flushCode(out, code);
      String t = line.strip();
      if (t.isEmpty()) {
        flush(out, paragraph, items);
      } else if (t.startsWith("* ") || t.startsWith("- ")) {
        flushParagraph(out, paragraph);
        items.add(t.substring(2).strip());
      } else if (!items.isEmpty()) {
        int last = items.size() - 1;
        items.set(last, items.get(last) + " " + t);
      } else {
        paragraph.add(t);
      }
    }
    flushCode(out, code);
    flush(out, paragraph, items);
    return out;
  }

  private static void flush(List<Map<String, Object>> out, List<String> paragraph,
      List<String> items) {
    flushParagraph(out, paragraph);
    if (!items.isEmpty()) {
      out.add(Map.of("kind", "ul", "items", items.stream().map(DescriptionBlocks::segments)
          .toList()));
      items.clear();
    }
  }

  private static void flushParagraph(List<Map<String, Object>> out, List<String> paragraph) {
    if (!paragraph.isEmpty()) {
      out.add(Map.of("kind", "p", "items", List.of(segments(String.join(" ", paragraph)))));
      paragraph.clear();
    }
  }

  private static void flushCode(List<Map<String, Object>> out, List<String> code) {
    if (!code.isEmpty()) {
      out.add(Map.of("kind", "pre", "items", List.copyOf(code)));
      code.clear();
    }
  }

  /** Text and {@code `code`} spans in order. */
  private static List<Map<String, String>> segments(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      // an unmatched backtick stays text
      boolean code = i % 2 == 1 && i < parts.length - 1;
      String s = code || i % 2 == 0 ? parts[i] : "`" + parts[i];
      if (!s.isEmpty()) {
        out.add(Map.of("text", s, "code", Boolean.toString(code)));
      }
    }
    return out;
  }
}
