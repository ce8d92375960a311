package io.layerwise.exercise;

import io.layerwise.model.Pad;
import io.layerwise.model.Spelling;
import io.layerwise.model.UpSampling;
import io.layerwise.model.ZeroPadding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * PyTorch's modules that only resize their input, {@code ZeroPad2d} and {@code Upsample}, read
 * with PyTorch's arguments (for {@link TorchLayerReader}).
 */
final class TorchResamplingReader {

  private TorchResamplingReader() {}

  /**
   * {@code ZeroPad2d(padding)}: one number for all four sides, or (left, right, top, bottom) —
   * PyTorch's order, the last axis first; two numbers pad only the width, as PyTorch's pad does.
   */
  static ReadLayer zeroPad2d(Fields f) {
    Optional<Node> n = f.get("padding");
    if (n.isEmpty()) {
      f.error(f.location(), "missing 'padding' (zeros on each side: one number, or [left, right,"
          + " top, bottom])");
      return ReadLayer.of(new ZeroPadding(List.of(Pad.symmetric(0), Pad.symmetric(0))));
    }
    List<Long> sides = new ArrayList<>();
    if (n.get() instanceof Node.ListNode list) {
      for (Node item : list.items()) {
        sides.add(f.integer(item, "padding", 0));
      }
    } else {
      long p = f.integer(n.get(), "padding", 0);
      sides.addAll(List.of(p, p, p, p));
    }
    return switch (sides.size()) {
      case 4 -> ReadLayer.of(new ZeroPadding(List.of(new Pad(sides.get(2), sides.get(3)),
          new Pad(sides.get(0), sides.get(1)))));
      case 2 -> ReadLayer.of(new ZeroPadding(List.of(Pad.symmetric(0),
          new Pad(sides.get(0), sides.get(1)))));
      default -> {
        f.error(n.get().location(), "ZeroPad2d's padding is one number, two [left, right] or"
            + " four [left, right, top, bottom], not " + sides.size());
        yield ReadLayer.of(new ZeroPadding(List.of(Pad.symmetric(0), Pad.symmetric(0))));
      }
    };
  }

  /** The spatial axes each of PyTorch's interpolation modes works on; 0 for any. */
  private static final java.util.Map<String, Integer> MODES = java.util.Map.of("nearest", 0,
      "nearest-exact", 0, "area", 0, "linear", 1, "bilinear", 2, "bicubic", 2, "trilinear", 3);

  /**
   * {@code Upsample(scale_factor, mode)}: whole factors only (the output is then the input times
   * the factor); the mode fixes the spatial axes where it is linear, bilinear, bicubic or
   * trilinear, and counts nothing.
   */
  static ReadLayer upsample(Fields f) {
    Optional<String> mode = f.text("mode");
    int axes = 0;
    if (mode.isPresent()) {
      if (MODES.containsKey(mode.get())) {
        axes = MODES.get(mode.get());
      } else {
        List<String> names = MODES.keySet().stream().sorted().toList();
        f.error(f.locations().get("mode"), "mode must be one of " + names + ", not '"
            + mode.get() + "'", Spelling.closest(mode.get(), names));
      }
    }
    f.ignore("align_corners", "recompute_scale_factor");
    Optional<Node> size = f.get("size");
    Optional<Node> n = f.get("scale_factor");
    if (size.isPresent() && n.isPresent()) {
      f.error(n.get().location(), "give either size or scale_factor, not both, as PyTorch says"
          + " (\"only one of size or scale_factor should be defined\")");
      return ReadLayer.of(new UpSampling(List.of(1L), true));
    }
    if (size.isPresent()) {
      return sized(f, size.get(), axes, mode);
    }
    if (n.isEmpty()) {
      f.error(f.location(), "missing 'scale_factor' (how many times to repeat each position,"
          + " e.g. 2) or 'size' (the output's size)");
      return ReadLayer.of(new UpSampling(List.of(1L), true));
    }
    List<Long> factors = new ArrayList<>();
    List<Node> items = n.get() instanceof Node.ListNode list ? list.items() : List.of(n.get());
    for (Node item : items) {
      factors.add(wholeFactor(f, item));
    }
    if (factors.isEmpty()) {
      f.error(n.get().location(), "scale_factor needs at least one number");
      return ReadLayer.of(new UpSampling(List.of(1L), true));
    }
    if (n.get() instanceof Node.ListNode && axes > 0 && factors.size() != axes) {
      f.error(n.get().location(), "scale_factor needs " + axes + " values for mode '"
          + mode.orElseThrow() + "', one per spatial axis, but has " + factors.size());
      return ReadLayer.of(new UpSampling(List.of(1L), true));
    }
    if (n.get() instanceof Node.ListNode) {
      return ReadLayer.of(new UpSampling(factors));
    }
    return ReadLayer.of(axes > 0 ? new UpSampling(Collections.nCopies(axes, factors.get(0)))
        : new UpSampling(factors, true));
  }

  /** {@code Upsample(size=...)}: the output's size, one for every axis or one per axis. */
  private static ReadLayer sized(Fields f, Node n, int axes, Optional<String> mode) {
    List<Long> sizes = new ArrayList<>();
    List<Node> items = n instanceof Node.ListNode list ? list.items() : List.of(n);
    for (Node item : items) {
      sizes.add(f.integer(item, "size", 1));
    }
    if (sizes.isEmpty() || n instanceof Node.ListNode && axes > 0 && sizes.size() != axes) {
      f.error(n.location(), "size needs " + (axes > 0 ? axes : "one or more") + " values"
          + mode.map(m -> " for mode '" + m + "'").orElse("") + ", one per spatial axis");
      return ReadLayer.of(new UpSampling(List.of(1L), true));
    }
    if (n instanceof Node.ListNode) {
      return ReadLayer.of(new UpSampling(sizes, false, true));
    }
    return ReadLayer.of(axes > 0 ? new UpSampling(Collections.nCopies(axes, sizes.get(0)), false,
        true) : new UpSampling(sizes, true, true));
  }

  /** A scale factor: a whole number, written 2 or 2.0. */
  private static long wholeFactor(Fields f, Node n) {
    if (n instanceof Node.Scalar s && s.kind() == Node.Kind.DECIMAL) {
      try {
        double v = Double.parseDouble(s.text());
        if (v >= 1 && v == Math.rint(v) && v < 1e6) {
          return (long) v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      f.error(n.location(), "scale_factor " + s.text() + " is not a whole number; Layerwise"
          + " counts Upsample with whole factors only (2, not 1.5)");
      return 1;
    }
    return f.integer(n, "scale_factor", 1);
  }
}
