package io.layerwise.render;

import io.layerwise.diagram.Arrow;
import io.layerwise.diagram.Box;
import io.layerwise.diagram.Layered;
import io.layerwise.diagram.Part;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.LayerType;
import io.layerwise.model.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network as boxes and arrows for {@link Layered} to lay out: one box per layer with its
 * name, kind and hyperparameters (and, on answer sheets only, its output shape: a question sheet
 * asks for it), the input box with the input shape. In a deep network (more than {@link
 * #FOLD_ABOVE} layers) a normalisation, activation or dropout layer that is the only consumer of
 * the layer before it is drawn in that layer's box, one line more, so that ResNet-50's
 * conv–BN–ReLU triples take one box each. The diagram is cut into parts of at most a printed
 * page, all at one scale.
 */
final class Diagram {

  /** Networks with more layers than this fold their BN, activation and dropout layers. */
  static final int FOLD_ABOVE = 40;

  /** The tallest part, in SVG units: about one printed page at {@link #POINTS_PER_UNIT}. */
  static final double PART_HEIGHT = 1050;

  /**
   * The tallest first part: it follows the title, the name fields and the question on their
   * page; a whole-page first part would leave that page nearly empty.
   */
  static final double FIRST_PART_HEIGHT = 500;

  /** The printed size of one SVG unit, in points: 11-unit text prints at 6.6 pt. */
  static final double POINTS_PER_UNIT = 0.6;

  /** The height of the PDF text column in points (A4 less the print stylesheet's margins). */
  static final double PAGE_POINTS = 737;

  /** The width of the PDF text column in points (A4 less the print stylesheet's margins). */
  private static final double TEXT_WIDTH = 510;

  private Diagram() {}

  /** A diagram: its parts as SVG by file name, and each part in words by the same name. */
  record Pages(Map<String, String> files, Map<String, String> descriptions) {}

  /**
   * The diagram's parts by file name: {@code <id>-network.svg} when it is one part, else {@code
   * <id>-network-1.svg}, {@code <id>-network-2.svg}, …; the answer sheet's, which print the
   * shapes, are {@code <id>-answers-network…}, so that both sheets' pictures can lie side by side.
   *
   * @param shapes whether each box prints its layer's output shape (answer sheets)
   */
  static Pages pages(Analysis a, Words words, boolean shapes) {
    double first = firstRoom(a.exercise(), shapes) / POINTS_PER_UNIT;
    List<Part> parts = parts(a, words, shapes, PART_HEIGHT, first);
    double scale = parts.isEmpty() ? POINTS_PER_UNIT
        : Math.min(POINTS_PER_UNIT, TEXT_WIDTH / parts.get(0).width());
    if (scale < POINTS_PER_UNIT * 0.95) {
      // printed smaller to fit the column, a part may be taller in units for the same page
      double taller = POINTS_PER_UNIT / scale;
      parts = parts(a, words, shapes, PART_HEIGHT * taller, first * taller);
    }
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    String id = a.exercise().id() + (shapes ? "-answers" : "");
    for (int i = 0; i < parts.size(); i++) {
      String file = parts.size() == 1 ? id + "-network.svg" : id + "-network-" + (i + 1) + ".svg";
      files.put(file, parts.get(i).svg());
      descriptions.put(file, parts.get(i).description());
    }
    return new Pages(files, descriptions);
  }

  /**
   * About how many points of the first page are left for the diagram: the page less the title,
   * the lead, the name fields (question sheets) or the question heading (answer sheets), the
   * description, the section heading and the line under the picture. An estimate from the
   * lengths of the texts, erring on the small side, so that the first part is not pushed to a
   * page of its own; never less than {@link #FIRST_PART_HEIGHT} units.
   */
  static double firstRoom(Exercise e, boolean answers) {
    double used = Math.ceil(e.title().length() / 32.0) * 34 + 30;
    used += answers ? (e.description().isPresent() ? 40 : 0) : 50;
    for (String line : e.description().orElse("").split("\n", -1)) {
      used += line.isBlank() ? 9 : Math.ceil(line.length() / 88.0) * 14;
    }
    used += 45 + 30 + 25;
    return Math.max(FIRST_PART_HEIGHT * POINTS_PER_UNIT, PAGE_POINTS - used);
  }

  /** The laid-out parts. */
  static List<Part> parts(Analysis a, Words words, boolean shapes) {
    return parts(a, words, shapes, PART_HEIGHT, FIRST_PART_HEIGHT);
  }

  private static List<Part> parts(Analysis a, Words words, boolean shapes, double height,
      double firstHeight) {
    Framework fw = a.exercise().framework();
    Hyperparameters hp = new Hyperparameters(words, fw);
    boolean fold = a.layers().size() > FOLD_ABOVE;
    Map<String, Integer> consumers = new HashMap<>();
    for (LayerResult l : a.layers()) {
      for (String in : l.node().inputs()) {
        consumers.merge(in, 1, Integer::sum);
      }
    }
    Map<String, String> boxOf = new HashMap<>();
    // each box's last line without the output shape, which only the last line prints
    Map<String, String> plainLast = new HashMap<>();
    Map<String, List<Box.Line>> lines = new LinkedHashMap<>();
    List<Box.Line> input = new ArrayList<>();
    input.add(new Box.Line(words.get("diagram.input"), true));
    input.add(new Box.Line(a.exercise().network().input().batched(fw), false));
    lines.put(Network.INPUT, input);
    boxOf.put(Network.INPUT, Network.INPUT);
    List<Arrow> arrows = new ArrayList<>();
    for (LayerResult l : a.layers()) {
      List<String> ins = l.node().inputs();
      String kind = l.className(fw);
      String hyper = hp.of(l);
      String what = hyper.isEmpty() ? kind : kind + " · " + hyper;
      if (fold && ins.size() == 1 && consumers.getOrDefault(ins.get(0), 0) == 1
          && folds(l.node().layer().type()) && !ins.get(0).equals(Network.INPUT)) {
        String host = boxOf.get(ins.get(0));
        List<Box.Line> hostLines = lines.get(host);
        int last = hostLines.size() - 1;
        hostLines.set(last, new Box.Line(plainLast.get(host), false));
        String line = l.name() + " · " + what;
        plainLast.put(host, line);
        hostLines.add(new Box.Line(shapes ? line + " · " + words.get("diagram.output",
            l.output().batched(fw)) : line, false));
        boxOf.put(l.name(), host);
        continue;
      }
      List<Box.Line> own = new ArrayList<>();
      own.add(new Box.Line(l.name(), true));
      own.add(new Box.Line(shapes ? what + " · " + words.get("diagram.output",
          l.output().batched(fw)) : what, false));
      plainLast.put(l.name(), what);
      lines.put(l.name(), own);
      boxOf.put(l.name(), l.name());
      for (String in : ins) {
        Arrow arrow = new Arrow(boxOf.get(in), l.name());
        // attention reading one tensor as query and value: one arrow, not two on one line
        if (boxOf.containsKey(in) && !arrows.contains(arrow)) {
          arrows.add(arrow);
        }
      }
    }
    List<Box> boxes = new ArrayList<>();
    lines.forEach((id, ls) -> boxes.add(new Box(id, ls, id.equals(Network.INPUT))));
    return Layered.layOut(boxes, arrows, height, firstHeight,
        name -> words.get("diagram.from", name));
  }

  /** The kinds drawn inside the box of the layer before them in a deep network. */
  private static boolean folds(LayerType type) {
    return type == LayerType.BATCH_NORMALIZATION || type == LayerType.ACTIVATION
        || type == LayerType.DROPOUT;
  }
}
