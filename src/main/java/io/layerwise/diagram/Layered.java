package io.layerwise.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a graph of boxes top to bottom with ELK's layered algorithm: boxes in rows along the
 * data flow, in file order within a row where the crossings allow, arrows routed orthogonally
 * around the boxes, each on its own port. A graph deeper than {@code maxRows} rows is cut into
 * parts, preferably where a single arrow crosses the cut (between two residual blocks); an
 * arrow from an earlier part starts at a dashed stub box naming its source. All parts get the
 * width of the widest, so that printed at one width they share one scale.
 */
public final class Layered {

  private static final double GAP_ROWS = 22;
  private static final double GAP_BOXES = 24;
  private static final double MARGIN = 10;

  static {
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(
        new LayeredMetaDataProvider());
  }

  private Layered() {}

  /**
   * The laid-out parts.
   *
   * @param boxes in data-flow (file) order: every arrow goes from an earlier box to a later one
   * @param arrows the arrows
   * @param maxHeight the height a part should not exceed, in SVG units
   * @param firstHeight the same for the first part, which shares its page with the question
   * @param stubLabel the text of a stub box, given the source box's first line
   */
  public static List<Part> layOut(List<Box> boxes, List<Arrow> arrows, double maxHeight,
      double firstHeight, Function<String, String> stubLabel) {
    List<List<Box>> parts = split(boxes, arrows, maxHeight, firstHeight);
    Map<String, Box> byId = new HashMap<>();
    for (Box b : boxes) {
      byId.put(b.id(), b);
    }
    Map<String, Integer> partOf = new HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      for (Box b : parts.get(i)) {
        partOf.put(b.id(), i);
      }
    }
    List<Part> laid = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      int part = i;
      List<Arrow> inner = new ArrayList<>();
      Map<String, Box> stubs = new LinkedHashMap<>();
      for (Arrow a : arrows) {
        if (!Integer.valueOf(part).equals(partOf.get(a.to()))) {
          continue;
        }
        if (partOf.get(a.from()) == part) {
          inner.add(a);
        } else {
          String stubId = "\u0000from:" + a.from();
          stubs.computeIfAbsent(stubId, k -> new Box(k, List.of(new Box.Line(
              stubLabel.apply(byId.get(a.from()).lines().get(0).text()), false)), false));
          inner.add(new Arrow(stubId, a.to()));
        }
      }
      List<Box> here = new ArrayList<>(stubs.values());
      here.addAll(parts.get(i));
      laid.add(elk(here, inner, stubs.keySet()));
    }
    double width = laid.stream().mapToDouble(Part::width).max().orElse(0);
    List<Part> out = new ArrayList<>();
    for (Part p : laid) {
      out.add(shift(p, (width - p.width()) / 2, width));
    }
    return out;
  }

  /**
   * Cuts the boxes into parts no taller than about {@code maxHeight}, preferably where a single
   * arrow crosses the cut. A box's bottom is estimated from its inputs' bottoms within the part.
   */
  static List<List<Box>> split(List<Box> boxes, List<Arrow> arrows, double pageHeight,
      double firstHeight) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < boxes.size(); i++) {
      index.put(boxes.get(i).id(), i);
    }
    int n = boxes.size();
    // crossing[c]: the boxes before c whose output a box from c on reads; a cut where one
    // crosses needs one stub, however many arrows leave it
    int[] lastUse = new int[n];
    java.util.Arrays.fill(lastUse, -1);
    Map<Integer, List<Integer>> into = new HashMap<>();
    for (Arrow a : arrows) {
      int from = index.get(a.from());
      int to = index.get(a.to());
      into.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
      lastUse[from] = Math.max(lastUse[from], to);
    }
    int[] crossing = new int[n + 1];
    for (int from = 0; from < n; from++) {
      for (int c = from + 1; c <= lastUse[from]; c++) {
        crossing[c]++;
      }
    }
    double stub = Metrics.LINE + 2 * Metrics.PAD_Y + GAP_ROWS;
    double[] rest = new double[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      rest[i] = rest[i + 1] + Metrics.boxHeight(boxes.get(i)) + GAP_ROWS;
    }
    List<List<Box>> parts = new ArrayList<>();
    List<Box> current = new ArrayList<>();
    double[] bottom = new double[n];
    int start = 0;
    for (int i = 0; i < n; i++) {
      double maxHeight = parts.isEmpty() ? firstHeight : pageHeight;
      double h = Metrics.boxHeight(boxes.get(i)) + GAP_ROWS;
      double b = h + (start > 0 ? stub : 0);
      for (int from : into.getOrDefault(i, List.of())) {
        if (from >= start) {
          b = Math.max(b, bottom[from] + h);
        }
      }
      boolean narrow = crossing[i] <= 1;
      boolean endsSoon = b + rest[i + 1] <= maxHeight * 1.15;
      boolean cut = !current.isEmpty() && !endsSoon
          && (b > maxHeight && narrow || b > maxHeight * 1.15 || narrow && b > maxHeight * 0.8
              && lookahead(boxes, into, crossing, i, maxHeight - b));
      if (cut) {
        parts.add(current);
        current = new ArrayList<>();
        start = i;
        b = h + stub;
      }
      bottom[i] = b;
      current.add(boxes.get(i));
    }
    if (!current.isEmpty()) {
      parts.add(current);
    }
    return parts;
  }

  /** Whether no narrow place comes before the room left runs out: then cut here. */
  private static boolean lookahead(List<Box> boxes, Map<Integer, List<Integer>> into,
      int[] crossing, int i, double room) {
    double used = 0;
    for (int j = i + 1; j < boxes.size(); j++) {
      used += Metrics.boxHeight(boxes.get(j)) + GAP_ROWS;
      if (used > room) {
        return true;
      }
      if (crossing[j] <= 1) {
        return false;
      }
    }
    return false;
  }

  private static Part elk(List<Box> boxes, List<Arrow> arrows, Set<String> stubIds) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(MARGIN));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, GAP_ROWS);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, GAP_BOXES);
    root.setProperty(CoreOptions.SPACING_EDGE_NODE, 12.0);
    root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 8.0);
    root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
        OrderingStrategy.NODES_AND_EDGES);
    root.setProperty(LayeredOptions.MERGE_EDGES, false);
    Map<String, ElkNode> nodes = new LinkedHashMap<>();
    Map<ElkNode, Box> boxOf = new HashMap<>();
    for (Box b : boxes) {
      ElkNode node = ElkGraphUtil.createNode(root);
      node.setIdentifier("n" + nodes.size());
      node.setDimensions(Metrics.boxWidth(b), Metrics.boxHeight(b));
      nodes.put(b.id(), node);
      boxOf.put(node, b);
    }
    Map<ElkEdge, Arrow> arrowOf = new LinkedHashMap<>();
    for (Arrow a : arrows) {
      ElkEdge e = ElkGraphUtil.createSimpleEdge(nodes.get(a.from()), nodes.get(a.to()));
      arrowOf.put(e, a);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    List<Part.Placed> placed = new ArrayList<>();
    for (Map.Entry<String, ElkNode> e : nodes.entrySet()) {
      ElkNode node = e.getValue();
      placed.add(new Part.Placed(boxOf.get(node), node.getX(), node.getY(), node.getWidth(),
          node.getHeight(), stubIds.contains(e.getKey())));
    }
    List<Part.Route> routes = new ArrayList<>();
    for (Map.Entry<ElkEdge, Arrow> e : arrowOf.entrySet()) {
      List<double[]> points = new ArrayList<>();
      for (ElkEdgeSection s : e.getKey().getSections()) {
        add(points, s.getStartX(), s.getStartY());
        for (ElkBendPoint b : s.getBendPoints()) {
          add(points, b.getX(), b.getY());
        }
        add(points, s.getEndX(), s.getEndY());
      }
      routes.add(new Part.Route(e.getValue().from(), e.getValue().to(), points));
    }
    return new Part(root.getWidth(), root.getHeight(), placed, routes);
  }

  private static void add(List<double[]> points, double x, double y) {
    if (!points.isEmpty()) {
      double[] last = points.get(points.size() - 1);
      if (Math.abs(last[0] - x) < 1e-6 && Math.abs(last[1] - y) < 1e-6) {
        return;
      }
    }
    points.add(new double[] {x, y});
  }

  private static Part shift(Part p, double dx, double width) {
    List<Part.Placed> boxes = p.boxes().stream().map(b -> new Part.Placed(b.box(), b.x() + dx,
        b.y(), b.w(), b.h(), b.stub())).toList();
    List<Part.Route> routes = p.routes().stream().map(r -> new Part.Route(r.from(), r.to(),
        r.points().stream().map(q -> new double[] {q[0] + dx, q[1]}).toList())).toList();
    return new Part(width, p.height(), boxes, routes);
  }

  /** The ids of the boxes in each part, for tests and callers that name the parts. */
  static List<Set<String>> ids(List<List<Box>> parts) {
    List<Set<String>> out = new ArrayList<>();
    for (List<Box> p : parts) {
      Set<String> s = new LinkedHashSet<>();
      p.forEach(b -> s.add(b.id()));
      out.add(s);
    }
    return out;
  }
}
