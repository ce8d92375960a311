package io.layerwise.render;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Framework;
import io.layerwise.model.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network drawn as SVG by Layerwise itself: one block per layer (name, type, output shape),
 * top to bottom in data-flow order, arrows from each input, side by side where the graph
 * branches. A layer's row is the length of the longest path from the input, so that every arrow
 * points down; within a row, blocks keep file order. A deep network is cut into pages of {@link
 * #ROWS_PER_PAGE} rows, each its own image, so that every page stays readable; an arrow from an
 * earlier page starts at the top edge, labelled with the layer it comes from.
 */
public final class Diagram {

  /** Rows on one page of the diagram. */
  static final int ROWS_PER_PAGE = 16;

  private static final int BOX_W = 200;
  private static final int BOX_H = 38;
  private static final int GAP_X = 30;
  private static final int GAP_Y = 16;
  private static final int MARGIN = 12;
  private static final int TOP = 26;

  private Diagram() {}

  /** One block's place. */
  private record Box(String name, String label, String shape, int row, int col) {
    int page() {
      return row / ROWS_PER_PAGE;
    }

    int x() {
      return MARGIN + col * (BOX_W + GAP_X);
    }

    int y() {
      return TOP + (row % ROWS_PER_PAGE) * (BOX_H + GAP_Y);
    }
  }

  /**
   * The diagram's pages by file name: {@code <id>-network.svg} when it fits one page, else
   * {@code <id>-network-1.svg}, {@code <id>-network-2.svg}, …
   */
  static Map<String, String> pages(Analysis a, Words words) {
    Framework fw = a.exercise().framework();
    Map<String, Integer> rows = new HashMap<>();
    Map<Integer, Integer> perRow = new HashMap<>();
    Map<String, Box> boxes = new HashMap<>();
    List<Box> order = new ArrayList<>();
    Box input = new Box(Network.INPUT, words.get("diagram.input"),
        a.exercise().network().input().batched(fw), 0, 0);
    rows.put(Network.INPUT, 0);
    perRow.put(0, 1);
    boxes.put(Network.INPUT, input);
    order.add(input);
    for (LayerResult l : a.layers()) {
      int row = 0;
      for (String in : l.node().inputs()) {
        row = Math.max(row, rows.getOrDefault(in, 0) + 1);
      }
      rows.put(l.name(), row);
      int col = perRow.merge(row, 1, Integer::sum) - 1;
      Box b = new Box(l.name(), l.name() + " (" + l.className(fw) + ")",
          l.output().batched(fw), row, col);
      boxes.put(l.name(), b);
      order.add(b);
    }
    int lastRow = rows.values().stream().max(Integer::compare).orElse(0);
    int pageCount = lastRow / ROWS_PER_PAGE + 1;
    Map<String, String> pages = new LinkedHashMap<>();
    String id = a.exercise().id();
    for (int page = 0; page < pageCount; page++) {
      String file = pageCount == 1 ? id + "-network.svg" : id + "-network-" + (page + 1) + ".svg";
      pages.put(file, page(a, page, boxes, order, perRow, words));
    }
    return pages;
  }

  private static String page(Analysis a, int page, Map<String, Box> boxes, List<Box> order,
      Map<Integer, Integer> perRow, Words words) {
    int firstRow = page * ROWS_PER_PAGE;
    int cols = 1;
    int rowsHere = 0;
    for (Map.Entry<Integer, Integer> e : perRow.entrySet()) {
      if (e.getKey() / ROWS_PER_PAGE == page) {
        cols = Math.max(cols, e.getValue());
        rowsHere = Math.max(rowsHere, e.getKey() - firstRow + 1);
      }
    }
    int width = 2 * MARGIN + cols * BOX_W + (cols - 1) * GAP_X;
    int height = TOP + MARGIN + rowsHere * BOX_H + (rowsHere - 1) * GAP_Y;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height)
        .append("\" font-family=\"DejaVu Sans, Noto Sans, Arial, sans-serif\">\n");
    sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555555\"/></marker></defs>\n");
    for (LayerResult l : a.layers()) {
      Box to = boxes.get(l.name());
      if (to.page() != page) {
        continue;
      }
      for (String in : l.node().inputs()) {
        Box from = boxes.get(in);
        if (from == null) {
          continue;
        }
        int x2 = to.x() + BOX_W / 2;
        int y2 = to.y();
        if (from.page() == page) {
          arrow(sb, from.x() + BOX_W / 2, from.y() + BOX_H, x2, y2);
        } else {
          arrow(sb, x2, 4, x2, y2);
          text(sb, x2 + 6, 14, 10, "normal", "start",
              words.get("diagram.from", fit(from.name(), 28)));
        }
      }
    }
    for (Box b : order) {
      if (b.page() != page) {
        continue;
      }
      boolean isInput = b.name().equals(Network.INPUT);
      sb.append("<rect x=\"").append(b.x()).append("\" y=\"").append(b.y())
          .append("\" width=\"").append(BOX_W).append("\" height=\"").append(BOX_H)
          .append("\" rx=\"6\" fill=\"").append(isInput ? "#eef3f8" : "#f7f7f2")
          .append("\" stroke=\"#44546a\" stroke-width=\"1\"/>\n");
      text(sb, b.x() + BOX_W / 2, b.y() + 16, 12, "bold", "middle", fit(b.label(), 30));
      text(sb, b.x() + BOX_W / 2, b.y() + 31, 11, "normal", "middle", fit(b.shape(), 32));
    }
    return sb.append("</svg>\n").toString();
  }

  private static void arrow(StringBuilder sb, int x1, int y1, int x2, int y2) {
    sb.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"")
        .append(x2).append("\" y2=\"").append(y2)
        .append("\" stroke=\"#555555\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>\n");
  }

  private static void text(StringBuilder sb, int x, int y, int size, String weight,
      String anchor, String s) {
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\""
            + " fill=\"#1f2a36\">%s</text>%n", x, y, size, weight, anchor, xml(s)));
  }

  /** At most {@code max} code points, never cutting a character in two. */
  private static String fit(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** Text as XML character data: names from exercise files cannot become markup. */
  static String xml(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if ((c >= 0x20 || c == '\t') && c != 0xfffe && c != 0xffff) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
