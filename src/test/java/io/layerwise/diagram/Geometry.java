package io.layerwise.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks on a laid-out part that a reader's eye makes: arrows pass through no box but their own
 * two, no two arrows run along the same stretch, every line of text fits its box, every segment
 * is horizontal or vertical.
 */
public final class Geometry {

  private Geometry() {}

  /** Every check on every part, and one width for all parts. */
  public static void check(List<Part> parts) {
    assertThat(parts).isNotEmpty();
    for (Part p : parts) {
      assertThat(p.width()).as("one scale: one width").isEqualTo(parts.get(0).width());
      labelsFit(p);
      orthogonal(p);
      noArrowCrossesABox(p);
      noSharedSegments(p);
    }
  }

  static void labelsFit(Part p) {
    for (Part.Placed b : p.boxes()) {
      for (Box.Line l : b.box().lines()) {
        assertThat(Metrics.width(l) + 2 * Metrics.PAD_X).as("'%s' fits its box", l.text())
            .isLessThanOrEqualTo(b.w() + 1e-6);
      }
      assertThat(b.box().lines().size() * Metrics.LINE).isLessThanOrEqualTo(b.h());
    }
  }

  static void orthogonal(Part p) {
    for (Part.Route r : p.routes()) {
      assertThat(r.points()).hasSizeGreaterThanOrEqualTo(2);
      for (int i = 1; i < r.points().size(); i++) {
        double[] a = r.points().get(i - 1);
        double[] b = r.points().get(i);
        assertThat(Math.abs(a[0] - b[0]) < 0.01 || Math.abs(a[1] - b[1]) < 0.01)
            .as("%s → %s: a segment is horizontal or vertical", r.from(), r.to()).isTrue();
      }
    }
  }

  static void noArrowCrossesABox(Part p) {
    for (Part.Route r : p.routes()) {
      for (Part.Placed b : p.boxes()) {
        if (b.box().id().equals(r.from()) || b.box().id().equals(r.to())
            || b.box().id().equals("\u0000from:" + r.from())) {
          continue;
        }
        for (int i = 1; i < r.points().size(); i++) {
          assertThat(crosses(r.points().get(i - 1), r.points().get(i), b))
              .as("%s → %s passes through box %s", r.from(), r.to(), b.box().id()).isFalse();
        }
      }
    }
  }

  /** Whether an axis-parallel segment has a point strictly inside the box. */
  static boolean crosses(double[] a, double[] c, Part.Placed b) {
    double x1 = Math.min(a[0], c[0]);
    double x2 = Math.max(a[0], c[0]);
    double y1 = Math.min(a[1], c[1]);
    double y2 = Math.max(a[1], c[1]);
    return x2 > b.x() + 0.5 && x1 < b.x() + b.w() - 0.5 && y2 > b.y() + 0.5
        && y1 < b.y() + b.h() - 0.5;
  }

  static void noSharedSegments(Part p) {
    List<double[]> segs = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (Part.Route r : p.routes()) {
      for (int i = 1; i < r.points().size(); i++) {
        double[] a = r.points().get(i - 1);
        double[] b = r.points().get(i);
        segs.add(new double[] {a[0], a[1], b[0], b[1]});
        owners.add(r.from() + " → " + r.to());
      }
    }
    for (int i = 0; i < segs.size(); i++) {
      for (int j = i + 1; j < segs.size(); j++) {
        if (owners.get(i).equals(owners.get(j))) {
          continue;
        }
        assertThat(overlap(segs.get(i), segs.get(j)))
            .as("%s and %s run along one stretch", owners.get(i), owners.get(j)).isFalse();
      }
    }
  }

  /** Whether two axis-parallel segments share a stretch longer than a point. */
  static boolean overlap(double[] s, double[] t) {
    boolean sv = Math.abs(s[0] - s[2]) < 0.01;
    boolean tv = Math.abs(t[0] - t[2]) < 0.01;
    boolean sh = Math.abs(s[1] - s[3]) < 0.01;
    boolean th = Math.abs(t[1] - t[3]) < 0.01;
    if (sv && tv && Math.abs(s[0] - t[0]) < 0.5) {
      return shared(s[1], s[3], t[1], t[3]) > 0.5;
    }
    if (sh && th && Math.abs(s[1] - t[1]) < 0.5) {
      return shared(s[0], s[2], t[0], t[2]) > 0.5;
    }
    return false;
  }

  private static double shared(double a1, double a2, double b1, double b2) {
    return Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2),
        Math.min(b1, b2));
  }
}
