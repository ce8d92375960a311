package io.layerwise.engine;

import io.layerwise.model.Activation;
import io.layerwise.model.AdaptivePooling;
import io.layerwise.model.BatchNorm;
import io.layerwise.model.Concatenate;
import io.layerwise.model.Conv;
import io.layerwise.model.ConvTranspose;
import io.layerwise.model.Dense;
import io.layerwise.model.DepthwiseConv;
import io.layerwise.model.Dropout;
import io.layerwise.model.Exercise;
import io.layerwise.model.Flatten;
import io.layerwise.model.Framework;
import io.layerwise.model.GlobalPooling;
import io.layerwise.model.Layer;
import io.layerwise.model.LayerNode;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.Merge;
import io.layerwise.model.MergeOp;
import io.layerwise.model.Network;
import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.PoolOp;
import io.layerwise.model.Pooling;
import io.layerwise.model.Rbf;
import io.layerwise.model.Recurrent;
import io.layerwise.model.RecurrentCell;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Shape;
import io.layerwise.model.Subsampling;
import io.layerwise.model.TimeDistributed;
import io.layerwise.model.UpSampling;
import io.layerwise.model.Window;
import io.layerwise.model.ZeroPadding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Random networks of every kind, some of them impossible, for property tests. */
final class RandomNetworks {

  private final Random rnd;

  RandomNetworks(long seed) {
    this.rnd = new Random(seed);
  }

  private long between(long lo, long hi) {
    return lo + (long) rnd.nextInt((int) (hi - lo + 1));
  }

  private List<Long> tuple(int rank, long lo, long hi) {
    if (rnd.nextBoolean()) {
      return Collections.nCopies(rank, between(lo, hi));
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      out.add(between(lo, hi));
    }
    return out;
  }

  private Padding padding(int rank) {
    return switch (rnd.nextInt(4)) {
      case 0, 1 -> Padding.VALID;
      case 2 -> Padding.SAME;
      default -> {
        List<Pad> pads = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
          pads.add(rnd.nextBoolean() ? Pad.symmetric(between(0, 3))
              : new Pad(between(0, 3), between(0, 3)));
        }
        yield Padding.explicit(pads);
      }
    };
  }

  private Window convWindow(int rank, Framework fw) {
    List<Long> strides = tuple(rank, 1, 3);
    boolean mayDilate = fw == Framework.PYTORCH || strides.stream().allMatch(s -> s == 1);
    List<Long> dilation = mayDilate && rnd.nextInt(4) == 0 ? tuple(rank, 1, 3)
        : Collections.nCopies(rank, 1L);
    return new Window(tuple(rank, 1, 5), strides, padding(rank), dilation);
  }

  private Recurrent recurrent() {
    RecurrentCell cell = RecurrentCell.values()[rnd.nextInt(3)];
    return new Recurrent(cell, between(1, 24), rnd.nextBoolean(), rnd.nextInt(4) != 0,
        cell == RecurrentCell.GRU && rnd.nextBoolean(), Optional.empty());
  }

  /** A PyTorch RNN/LSTM/GRU module, possibly stacked and bidirectional. */
  private RecurrentStack stack() {
    RecurrentCell cell = RecurrentCell.values()[rnd.nextInt(3)];
    return new RecurrentStack(cell, between(1, 16), between(1, 3), rnd.nextBoolean(),
        rnd.nextInt(4) != 0, rnd.nextBoolean(), Optional.empty());
  }

  private List<Optional<Long>> adaptiveSizes(int rank) {
    List<Optional<Long>> sizes = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      sizes.add(rnd.nextInt(4) == 0 ? Optional.empty() : Optional.of(between(1, 6)));
    }
    return sizes;
  }

  /** PyTorch pooling with ceil_mode and padding of at most half the window. */
  private Pooling ceilPooling(int rank) {
    List<Long> kernel = tuple(rank, 1, 4);
    List<Pad> pads = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      pads.add(Pad.symmetric(between(0, kernel.get(i) / 2)));
    }
    return new Pooling(rnd.nextBoolean() ? PoolOp.MAX : PoolOp.AVERAGE,
        new Window(kernel, tuple(rank, 1, 3), Padding.explicit(pads), Collections.nCopies(rank,
            1L)), true);
  }

  Exercise next() {
    Framework fw = rnd.nextInt(3) == 0 ? Framework.PYTORCH : Framework.KERAS;
    int spatial = rnd.nextInt(5) == 0 ? 1 : 2;
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < spatial; i++) {
      dims.add(between(4, 40));
    }
    long channels = between(1, 12);
    if (fw == Framework.KERAS) {
      dims.add(channels);
    } else {
      dims.add(0, channels);
    }
    List<LayerNode> layers = new ArrayList<>();
    String previous = Network.INPUT;
    int count = 1 + rnd.nextInt(10);
    boolean flat = false;
    for (int i = 0; i < count; i++) {
      String name = "l" + i;
      List<String> inputs = List.of(previous);
      Layer layer;
      int kind = flat ? 10 + rnd.nextInt(4) : rnd.nextInt(20);
      layer = switch (kind) {
        case 0, 1, 2 -> new Conv(between(1, 16), convWindow(spatial, fw),
            rnd.nextInt(4) == 0 ? between(1, 3) : 1, rnd.nextInt(5) != 0, Optional.of("relu"));
        case 3 -> new Pooling(rnd.nextBoolean() ? PoolOp.MAX : PoolOp.AVERAGE,
            new Window(tuple(spatial, 1, 3), tuple(spatial, 1, 3),
                rnd.nextBoolean() ? Padding.VALID : Padding.SAME, Collections.nCopies(spatial, 1L)));
        case 4 -> spatial == 2 ? new DepthwiseConv(convWindow(2, fw), between(1, 3),
            rnd.nextBoolean(), Optional.empty()) : new Dropout(0.25);
        case 5 -> spatial == 2 ? new SeparableConv(between(1, 16), convWindow(2, fw),
            between(1, 2), rnd.nextBoolean(), Optional.empty()) : new Activation("relu");
        case 6 -> spatial == 2 ? new ConvTranspose(between(1, 8),
            new Window(tuple(2, 1, 4), tuple(2, 1, 3), rnd.nextBoolean() ? Padding.VALID
                : Padding.SAME, Collections.nCopies(2, 1L)),
            Optional.empty(), rnd.nextBoolean(), Optional.empty()) : new Dropout(0.5);
        case 7 -> spatial == 2 ? new ZeroPadding(List.of(new Pad(between(0, 2), between(0, 2)),
            Pad.symmetric(between(0, 2)))) : new Activation("tanh");
        case 8 -> spatial == 2 ? new UpSampling(tuple(2, 1, 3))
            : fw == Framework.PYTORCH && rnd.nextBoolean() ? stack() : recurrent();
        case 9 -> spatial == 2 ? new Subsampling(new Window(tuple(2, 1, 2), tuple(2, 1, 2),
            Padding.VALID, Collections.nCopies(2, 1L)), Optional.empty()) : new Dropout(0.1);
        case 10 -> new Dense(between(1, 64), rnd.nextInt(5) != 0, Optional.empty());
        case 11 -> new BatchNorm(OptionalInt.empty(), rnd.nextInt(4) != 0, rnd.nextInt(4) != 0);
        case 12 -> new LayerNorm(-1, true, rnd.nextInt(3) != 0);
        case 13 -> new Dropout(0.3);
        case 14 -> new Flatten();
        case 15 -> new GlobalPooling(rnd.nextBoolean() ? PoolOp.MAX : PoolOp.AVERAGE, spatial,
            rnd.nextInt(3) == 0);
        case 16, 17 -> {
          String branch = name + "_branch";
          layers.add(new LayerNode(branch, inputs, true, new Conv(between(1, 8),
              new Window(Collections.nCopies(spatial, 3L), Collections.nCopies(spatial, 1L),
                  Padding.SAME, Collections.nCopies(spatial, 1L)), 1, true, Optional.empty())));
          yield null;
        }
        case 18 -> fw == Framework.PYTORCH ? new AdaptivePooling(
            rnd.nextBoolean() ? PoolOp.MAX : PoolOp.AVERAGE, adaptiveSizes(spatial))
            : new TimeDistributed(new Dense(between(1, 16), rnd.nextBoolean(), Optional.empty()));
        case 19 -> fw == Framework.PYTORCH ? ceilPooling(spatial) : new Rbf(between(1, 12),
            rnd.nextBoolean());
        default -> new Activation("relu");
      };
      if (layer == null) {
        String branch = name + "_branch";
        boolean add = kind == 16;
        String other = name + "_other";
        layers.add(new LayerNode(other, List.of(previous), true, new Conv(between(1, 8),
            new Window(Collections.nCopies(spatial, 1L), Collections.nCopies(spatial, 1L),
                Padding.VALID, Collections.nCopies(spatial, 1L)), 1, true, Optional.empty())));
        layer = add ? new Merge(MergeOp.values()[rnd.nextInt(MergeOp.values().length)])
            : new Concatenate(OptionalInt.empty());
        inputs = List.of(branch, other);
      }
      if (layer instanceof Flatten || (layer instanceof GlobalPooling g && !g.keepDims())) {
        flat = true;
      }
      layers.add(new LayerNode(name, inputs, rnd.nextInt(6) != 0, layer));
      previous = name;
    }
    Network net = new Network(fw, new Shape(dims), layers);
    return new Exercise("random", "random", Optional.empty(), net);
  }
}
