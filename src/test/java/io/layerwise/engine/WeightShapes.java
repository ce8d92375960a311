package io.layerwise.engine;

import io.layerwise.model.Activation;
import io.layerwise.model.AdaptivePooling;
import io.layerwise.model.BatchNorm;
import io.layerwise.model.Bidirectional;
import io.layerwise.model.Concatenate;
import io.layerwise.model.Conv;
import io.layerwise.model.Cropping;
import io.layerwise.model.ConvTranspose;
import io.layerwise.model.Dense;
import io.layerwise.model.DepthwiseConv;
import io.layerwise.model.Dropout;
import io.layerwise.model.Embedding;
import io.layerwise.model.Flatten;
import io.layerwise.model.Framework;
import io.layerwise.model.GlobalPooling;
import io.layerwise.model.GroupNorm;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.LayerVisitor;
import io.layerwise.model.Merge;
import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Pooling;
import io.layerwise.model.Rbf;
import io.layerwise.model.Recurrent;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.Reshape;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Shape;
import io.layerwise.model.Subsampling;
import io.layerwise.model.TimeDistributed;
import io.layerwise.model.TorchAttention;
import io.layerwise.model.UpSampling;
import io.layerwise.model.ZeroPadding;
import java.util.ArrayList;
import java.util.List;

/**
 * The weight tensors a framework creates for a layer, written out as shapes the way Keras'
 * {@code build()} and PyTorch's constructors create them. Their sizes, multiplied out, are an
 * independent count of the parameters.
 */
final class WeightShapes implements LayerVisitor<List<List<Long>>> {

  private final Framework framework;
  private final Shape in;
  private final List<Shape> inputs;

  private WeightShapes(Framework framework, List<Shape> inputs) {
    this.framework = framework;
    this.in = inputs.get(0);
    this.inputs = inputs;
  }

  static List<List<Long>> of(Framework framework, LayerResult layer) {
    return layer.node().layer().accept(new WeightShapes(framework, layer.inputShapes()));
  }

  static long count(List<List<Long>> tensors) {
    long total = 0;
    for (List<Long> t : tensors) {
      long n = 1;
      for (long d : t) {
        n *= d;
      }
      total += n;
    }
    return total;
  }

  private long channels() {
    return framework == Framework.KERAS ? in.last() : in.dim(0);
  }

  private static List<Long> concat(List<Long> a, long... more) {
    List<Long> out = new ArrayList<>(a);
    for (long m : more) {
      out.add(m);
    }
    return out;
  }

  @Override
  public List<List<Long>> conv(Conv l) {
    List<List<Long>> w = new ArrayList<>();
    if (l.connections().isPresent()) {
      // one kernel stack per output map, over the channels that map sees
      for (List<Long> seen : l.connections().get().maps()) {
        w.add(concat(l.window().kernel(), seen.size()));
      }
    } else {
      w.add(concat(l.window().kernel(), channels() / l.groups(), l.filters()));
    }
    if (l.useBias()) {
      w.add(List.of(l.filters()));
    }
    return w;
  }

  @Override
  public List<List<Long>> convTranspose(ConvTranspose l) {
    List<List<Long>> w = new ArrayList<>();
    w.add(concat(l.window().kernel(), l.filters(), channels()));
    if (l.useBias()) {
      w.add(List.of(l.filters()));
    }
    return w;
  }

  @Override
  public List<List<Long>> depthwiseConv(DepthwiseConv l) {
    List<List<Long>> w = new ArrayList<>();
    w.add(concat(l.window().kernel(), channels(), l.depthMultiplier()));
    if (l.useBias()) {
      w.add(List.of(channels() * l.depthMultiplier()));
    }
    return w;
  }

  @Override
  public List<List<Long>> separableConv(SeparableConv l) {
    List<List<Long>> w = new ArrayList<>();
    w.add(concat(l.window().kernel(), channels(), l.depthMultiplier()));
    w.add(List.of(1L, 1L, channels() * l.depthMultiplier(), l.filters()));
    if (l.useBias()) {
      w.add(List.of(l.filters()));
    }
    return w;
  }

  @Override
  public List<List<Long>> pooling(Pooling l) {
    return List.of();
  }

  @Override
  public List<List<Long>> globalPooling(GlobalPooling l) {
    return List.of();
  }

  @Override
  public List<List<Long>> subsampling(Subsampling l) {
    return List.of(List.of(channels()), List.of(channels()));
  }

  @Override
  public List<List<Long>> flatten(Flatten l) {
    return List.of();
  }

  @Override
  public List<List<Long>> dense(Dense l) {
    List<List<Long>> w = new ArrayList<>();
    w.add(List.of(in.last(), l.units()));
    if (l.useBias()) {
      w.add(List.of(l.units()));
    }
    return w;
  }

  @Override
  public List<List<Long>> dropout(Dropout l) {
    return List.of();
  }

  @Override
  public List<List<Long>> activation(Activation l) {
    return List.of();
  }

  @Override
  public List<List<Long>> groupNorm(GroupNorm l) {
    long c = in.dim(framework == Framework.KERAS ? in.rank() - 1 : 0);
    List<List<Long>> w = new ArrayList<>();
    if (l.scale()) {
      w.add(List.of(c));
    }
    if (l.center()) {
      w.add(List.of(c));
    }
    return w;
  }

  @Override
  public List<List<Long>> batchNorm(BatchNorm l) {
    int axis = l.axis().isPresent()
        ? (l.axis().getAsInt() < 0 ? in.rank() + l.axis().getAsInt() : l.axis().getAsInt() - 1)
        : (framework == Framework.KERAS ? in.rank() - 1 : 0);
    long c = in.dim(axis);
    List<List<Long>> w = new ArrayList<>();
    if (l.scale()) {
      w.add(List.of(c));
    }
    if (l.center()) {
      w.add(List.of(c));
    }
    if (framework == Framework.KERAS) {
      w.add(List.of(c));
      w.add(List.of(c));
    }
    return w;
  }

  /** γ and β of shape normalized_shape: the normalised axes of the input. */
  @Override
  public List<List<Long>> layerNorm(LayerNorm l) {
    int axis = l.axis() < 0 ? in.rank() + l.axis() : l.axis() - 1;
    List<Long> shape = in.dims().subList(axis, axis + l.axes());
    List<List<Long>> w = new ArrayList<>();
    if (l.scale()) {
      w.add(shape);
    }
    if (l.center()) {
      w.add(shape);
    }
    return w;
  }

  @Override
  public List<List<Long>> adaptivePooling(AdaptivePooling l) {
    return List.of();
  }

  /**
   * PyTorch's parameters of an RNN/LSTM/GRU module: for every layer k and direction,
   * weight_ih_lk (G·H, in_k), weight_hh_lk (G·H, H), bias_ih_lk and bias_hh_lk (G·H), where in_0 is
   * the input's features and in_k = D·H above.
   */
  @Override
  public List<List<Long>> recurrentStack(RecurrentStack l) {
    long gh = l.cell().gates() * l.hiddenSize();
    List<List<Long>> w = new ArrayList<>();
    for (long k = 0; k < l.numLayers(); k++) {
      long inputs = k == 0 ? in.dim(1) : l.directions() * l.hiddenSize();
      for (long d = 0; d < l.directions(); d++) {
        w.add(List.of(gh, inputs));
        w.add(List.of(gh, l.hiddenSize()));
        if (l.useBias()) {
          w.add(List.of(gh));
          w.add(List.of(gh));
        }
      }
    }
    return w;
  }

  /** One centre of N_in coordinates per unit. */
  @Override
  public List<List<Long>> rbf(Rbf l) {
    return List.of(List.of(l.units(), in.last()));
  }

  @Override
  public List<List<Long>> timeDistributed(TimeDistributed l) {
    Shape slice = new Shape(in.dims().subList(1, in.rank()));
    return l.layer().accept(new WeightShapes(framework, List.of(slice)));
  }

  @Override
  public List<List<Long>> zeroPadding(ZeroPadding l) {
    return List.of();
  }

  @Override
  public List<List<Long>> cropping(Cropping l) {
    return List.of();
  }

  @Override
  public List<List<Long>> embedding(Embedding l) {
    return List.of(List.of(l.inputDim(), l.outputDim()));
  }

  /** Keras: kernel (F, G·U), recurrent kernel (U, G·U), bias (G·U) or (2, G·U) for a GRU with
   * reset_after; PyTorch: weight_ih (G·U, F), weight_hh (G·U, U), bias_ih and bias_hh (G·U). */
  @Override
  public List<List<Long>> recurrent(Recurrent l) {
    long gu = l.cell().gates() * l.units();
    long f = in.dim(1);
    List<List<Long>> w = new ArrayList<>();
    if (framework == Framework.KERAS) {
      w.add(List.of(f, gu));
      w.add(List.of(l.units(), gu));
      if (l.useBias()) {
        w.add(l.resetAfter() ? List.of(2L, gu) : List.of(gu));
      }
    } else {
      w.add(List.of(gu, f));
      w.add(List.of(gu, l.units()));
      if (l.useBias()) {
        w.add(List.of(gu));
        w.add(List.of(gu));
      }
    }
    return w;
  }

  @Override
  public List<List<Long>> bidirectional(Bidirectional l) {
    List<List<Long>> w = new ArrayList<>(recurrent(l.layer()));
    w.addAll(recurrent(l.layer()));
    return w;
  }

  /** Keras' four EinsumDense projections: kernels (F, H, d) and (H, d_v, F_q), biases (H, d). */
  @Override
  public List<List<Long>> multiHeadAttention(MultiHeadAttention l) {
    List<Shape> ins = inputs;
    Shape q = ins.get(0);
    Shape v = ins.size() > 1 ? ins.get(1) : q;
    Shape k = ins.size() > 2 ? ins.get(2) : v;
    long h = l.numHeads();
    List<List<Long>> w = new ArrayList<>();
    w.add(List.of(q.last(), h, l.keyDim()));
    w.add(List.of(k.last(), h, l.keyDim()));
    w.add(List.of(v.last(), h, l.valueSize()));
    w.add(List.of(h, l.valueSize(), q.last()));
    if (l.useBias()) {
      w.add(List.of(h, l.keyDim()));
      w.add(List.of(h, l.keyDim()));
      w.add(List.of(h, l.valueSize()));
      w.add(List.of(q.last()));
    }
    return w;
  }

  /** PyTorch's parameter tensors, as named in nn.MultiheadAttention. */
  @Override
  public List<List<Long>> torchAttention(TorchAttention l) {
    long e = l.embedDim();
    List<List<Long>> w = new ArrayList<>();
    if (l.packed()) {
      w.add(List.of(3 * e, e));
    } else {
      w.add(List.of(e, e));
      w.add(List.of(e, l.keySize()));
      w.add(List.of(e, l.valueSize()));
    }
    w.add(List.of(e, e));
    if (l.bias()) {
      w.add(List.of(3 * e));
      w.add(List.of(e));
    }
    if (l.addBiasKv()) {
      w.add(List.of(1L, 1L, e));
      w.add(List.of(1L, 1L, e));
    }
    return w;
  }

  @Override
  public List<List<Long>> upSampling(UpSampling l) {
    return List.of();
  }

  @Override
  public List<List<Long>> reshape(Reshape l) {
    return List.of();
  }

  @Override
  public List<List<Long>> merge(Merge l) {
    return List.of();
  }

  @Override
  public List<List<Long>> concatenate(Concatenate l) {
    return List.of();
  }
}
