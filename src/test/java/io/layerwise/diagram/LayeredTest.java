package io.layerwise.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayeredTest {

  private static Box box(String id, String... lines) {
    List<Box.Line> ls = new ArrayList<>();
    ls.add(new Box.Line(id, true));
    for (String l : lines) {
      ls.add(new Box.Line(l, false));
    }
    return new Box(id, ls, false);
  }

  /** in → a → b → c → add, with in → add beside them: a residual block. */
  @Test
  void aSkipConnectionRunsBesideTheMainColumn() {
    List<Box> boxes = List.of(box("in"), box("a", "Conv2D · 64, 3×3"),
        box("b", "BatchNormalization"), box("c", "Activation · relu"), box("add", "Add"));
    List<Arrow> arrows = List.of(new Arrow("in", "a"), new Arrow("a", "b"), new Arrow("b", "c"),
        new Arrow("c", "add"), new Arrow("in", "add"));
    List<Part> parts = Layered.layOut(boxes, arrows, 10_000, 10_000, s -> "from " + s);
    assertThat(parts).hasSize(1);
    Geometry.check(parts);
    Part p = parts.get(0);
    Part.Route skip = p.routes().stream().filter(r -> r.from().equals("in")
        && r.to().equals("add")).findFirst().orElseThrow();
    Part.Placed b = p.boxes().stream().filter(x -> x.box().id().equals("b")).findFirst()
        .orElseThrow();
    boolean beside = skip.points().stream().anyMatch(q -> q[0] < b.x() || q[0] > b.x() + b.w());
    assertThat(beside).as("the shortcut leaves the column of the boxes it skips").isTrue();
  }

  @Test
  void twoInputsOfAMergeEnterAtDifferentPoints() {
    List<Box> boxes = List.of(box("in"), box("x"), box("y"), box("cat", "Concatenate"));
    List<Arrow> arrows = List.of(new Arrow("in", "x"), new Arrow("in", "y"),
        new Arrow("x", "cat"), new Arrow("y", "cat"));
    Part p = Layered.layOut(boxes, arrows, 10_000, 10_000, s -> "from " + s).get(0);
    Geometry.check(List.of(p));
    List<double[]> ends = p.routes().stream().filter(r -> r.to().equals("cat"))
        .map(r -> r.points().get(r.points().size() - 1)).toList();
    assertThat(ends.get(0)[0]).isNotEqualTo(ends.get(1)[0]);
  }

  @Test
  void aLongChainIsCutIntoPartsOfOneWidthWithStubs() {
    List<Box> boxes = new ArrayList<>();
    List<Arrow> arrows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      boxes.add(box("l" + i, i % 7 == 0 ? "a much longer line of hyperparameters" : "Dense"));
      if (i > 0) {
        arrows.add(new Arrow("l" + (i - 1), "l" + i));
      }
    }
    List<Part> parts = Layered.layOut(boxes, arrows, 800, 400, s -> "from " + s);
    assertThat(parts).hasSizeGreaterThan(3);
    Geometry.check(parts);
    assertThat(parts.get(0).height()).isLessThanOrEqualTo(400 * 1.15 + 60);
    for (Part p : parts) {
      assertThat(p.height()).isLessThanOrEqualTo(800 * 1.15 + 60);
    }
    assertThat(parts.get(1).boxes().get(0).stub()).isTrue();
    assertThat(parts.get(1).svg()).contains(">from l");
  }

  @Test
  void labelsAreMeasuredNotCounted() {
    Box narrow = box("iiiiiiiiii");
    Box wide = box("WWWWWWWWWW");
    assertThat(Metrics.boxWidth(wide)).isGreaterThan(Metrics.boxWidth(narrow) * 1.5);
  }
}
