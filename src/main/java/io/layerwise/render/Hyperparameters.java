package io.layerwise.render;

import io.layerwise.engine.LayerResult;
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
import io.layerwise.model.LayerNode;
import io.layerwise.model.LayerVisitor;
import io.layerwise.model.Merge;
import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Pad;
import io.layerwise.model.Pooling;
import io.layerwise.model.Rbf;
import io.layerwise.model.Recurrent;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.Reshape;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Subsampling;
import io.layerwise.model.TimeDistributed;
import io.layerwise.model.TorchAttention;
import io.layerwise.model.UpSampling;
import io.layerwise.model.Window;
import io.layerwise.model.ZeroPadding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A layer's hyperparameters for the network table of the sheets (not escaped yet): in words for
 * Keras, as PyTorch prints the module's arguments for PyTorch ({@link TorchArguments}), in words
 * where PyTorch has no such module.
 */
final class Hyperparameters implements LayerVisitor<String> {

  private final Words words;
  private final Framework framework;

  Hyperparameters(Words words, Framework framework) {
    this.words = words;
    this.framework = framework;
  }

  private static String times(List<Long> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining("×"));
  }

  private static String compact(List<Long> values) {
    return values.stream().distinct().count() == 1 ? String.valueOf(values.get(0))
        : values.stream().map(String::valueOf).collect(Collectors.joining("×"));
  }

  private List<String> window(Window w, boolean dilation) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.kernel", times(w.kernel())));
    parts.add(words.get("hp.stride", compact(w.strides())));
    parts.add(switch (w.padding().mode()) {
      case VALID -> words.get("hp.padding.valid");
      case SAME -> words.get("hp.padding.same");
      case EXPLICIT -> words.get("hp.padding.explicit", pads(w.padding().pads()));
    });
    if (dilation && w.dilated()) {
      parts.add(words.get("hp.dilation", compact(w.dilation())));
    }
    return parts;
  }

  private static String pads(List<Pad> pads) {
    if (pads.stream().allMatch(p -> p.isSymmetric() && p.before() == pads.get(0).before())) {
      return String.valueOf(pads.get(0).before());
    }
    return pads.stream().map(p -> "(" + p.before() + ", " + p.after() + ")")
        .collect(Collectors.joining(", "));
  }

  private String join(List<String> parts, boolean useBias, Optional<String> activation) {
    List<String> all = new ArrayList<>(parts);
    if (!useBias) {
      all.add(words.get("hp.noBias"));
    }
    activation.ifPresent(all::add);
    return String.join(", ", all);
  }

  /** A layer's hyperparameters, and "frozen" for a layer that does not train. */
  String of(LayerResult result) {
    LayerNode node = result.node();
    String hyper = switch (framework) {
      case KERAS -> node.layer().accept(this);
      case PYTORCH -> node.layer().accept(new TorchArguments(result.inputShapes()))
          .orElseGet(() -> node.layer().accept(this));
    };
    if (!node.trainable()) {
      hyper = hyper.isEmpty() ? words.get("hp.frozen") : hyper + ", " + words.get("hp.frozen");
    }
    return hyper;
  }

  @Override
  public String conv(Conv l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.filters", l.filters()));
    parts.addAll(window(l.window(), true));
    if (l.groups() > 1) {
      parts.add(words.get("hp.groups", l.groups()));
    }
    l.connections().ifPresent(t -> parts.add(words.get("hp.connections", t.connections())));
    return join(parts, l.useBias(), l.activation());
  }

  @Override
  public String convTranspose(ConvTranspose l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.filters", l.filters()));
    parts.addAll(window(l.window(), true));
    l.outputPadding().ifPresent(op -> parts.add(words.get("hp.outputPadding", compact(op))));
    if (l.groups() > 1) {
      parts.add(words.get("hp.groups", l.groups()));
    }
    return join(parts, l.useBias(), l.activation());
  }

  @Override
  public String depthwiseConv(DepthwiseConv l) {
    List<String> parts = new ArrayList<>(window(l.window(), true));
    parts.add(words.get("hp.depthMultiplier", l.depthMultiplier()));
    return join(parts, l.useBias(), l.activation());
  }

  @Override
  public String separableConv(SeparableConv l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.filters", l.filters()));
    parts.addAll(window(l.window(), true));
    if (l.depthMultiplier() > 1) {
      parts.add(words.get("hp.depthMultiplier", l.depthMultiplier()));
    }
    return join(parts, l.useBias(), l.activation());
  }

  @Override
  public String pooling(Pooling l) {
    List<String> parts = new ArrayList<>(window(l.window(), true));
    if (l.ceilMode()) {
      parts.add(words.get("hp.ceilMode"));
    }
    return String.join(", ", parts);
  }

  @Override
  public String adaptivePooling(AdaptivePooling l) {
    return words.get("hp.outputSize", l.outputSize().stream()
        .map(o -> o.map(String::valueOf).orElse("input")).collect(Collectors.joining("×")));
  }

  @Override
  public String recurrentStack(RecurrentStack l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.hidden", l.hiddenSize()));
    if (l.numLayers() > 1) {
      parts.add(words.get("hp.layers", l.numLayers()));
    }
    if (l.bidirectional()) {
      parts.add(words.get("hp.bidirectional"));
    }
    return join(parts, l.useBias(), l.nonlinearity());
  }

  @Override
  public String rbf(Rbf l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.units", l.units()));
    if (l.fixed()) {
      parts.add(words.get("hp.fixed"));
    }
    return String.join(", ", parts);
  }

  @Override
  public String timeDistributed(TimeDistributed l) {
    String inner = l.layer().accept(this);
    return l.layer().type().className() + (inner.isEmpty() ? "" : ": " + inner);
  }

  @Override
  public String globalPooling(GlobalPooling l) {
    return l.keepDims() ? words.get("hp.keepdims") : "";
  }

  @Override
  public String subsampling(Subsampling l) {
    return join(window(l.window(), false), true, l.activation());
  }

  @Override
  public String flatten(Flatten l) {
    return "";
  }

  @Override
  public String dense(Dense l) {
    return join(List.of(words.get("hp.units", l.units())), l.useBias(), l.activation());
  }

  @Override
  public String dropout(Dropout l) {
    return words.get("hp.rate", l.rate());
  }

  @Override
  public String activation(Activation l) {
    return l.function();
  }

  /** A normalisation's other settings, then which of β (center) and γ (scale) it leaves out. */
  private String affine(List<String> parts, boolean center, boolean scale) {
    if (!center) {
      parts.add(words.get("hp.noCenter"));
    }
    if (!scale) {
      parts.add(words.get("hp.noScale"));
    }
    return String.join(", ", parts);
  }

  @Override
  public String batchNorm(BatchNorm l) {
    List<String> parts = new ArrayList<>();
    l.axis().ifPresent(a -> parts.add(words.get("hp.axis", a)));
    return affine(parts, l.center(), l.scale());
  }

  @Override
  public String groupNorm(GroupNorm l) {
    List<String> parts = new ArrayList<>();
    l.groups().ifPresent(g -> parts.add(words.get("hp.groups", g)));
    return affine(parts, l.center(), l.scale());
  }

  @Override
  public String layerNorm(LayerNorm l) {
    List<String> parts = new ArrayList<>();
    if (l.axes() > 1) {
      parts.add(words.get("hp.axes", l.axes()));
    } else if (l.axis() != -1) {
      parts.add(words.get("hp.axis", l.axis()));
    }
    return affine(parts, l.center(), l.scale());
  }

  @Override
  public String zeroPadding(ZeroPadding l) {
    return pads(l.pads());
  }

  @Override
  public String cropping(Cropping l) {
    return words.get("hp.cropping", pads(l.crops()));
  }

  @Override
  public String embedding(Embedding l) {
    return words.get("hp.embedding", l.inputDim(), l.outputDim());
  }

  @Override
  public String recurrent(Recurrent l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.units", l.units()));
    if (l.returnSequences()) {
      parts.add(words.get("hp.returnSequences"));
    }
    return join(parts, l.useBias(), l.activation());
  }

  @Override
  public String bidirectional(Bidirectional l) {
    return l.layer().type().className() + ", " + recurrent(l.layer()) + ", "
        + l.mergeMode().name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String multiHeadAttention(MultiHeadAttention l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.heads", l.numHeads(), l.keyDim()));
    l.valueDim().ifPresent(v -> parts.add(words.get("hp.valueDim", v)));
    return join(parts, l.useBias(), Optional.empty());
  }

  @Override
  public String torchAttention(TorchAttention l) {
    List<String> parts = new ArrayList<>();
    parts.add(words.get("hp.heads", l.numHeads(), l.embedDim() / l.numHeads()));
    l.kdim().ifPresent(k -> parts.add("kdim " + k));
    l.vdim().ifPresent(v -> parts.add("vdim " + v));
    if (l.addBiasKv()) {
      parts.add("add_bias_kv");
    }
    return join(parts, l.bias(), Optional.empty());
  }

  @Override
  public String upSampling(UpSampling l) {
    return words.get(l.fixed() ? "hp.outputSize" : "hp.size", times(l.size()));
  }

  @Override
  public String reshape(Reshape l) {
    return words.get("hp.target",
        "(" + l.target().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String merge(Merge l) {
    return "";
  }

  @Override
  public String concatenate(Concatenate l) {
    return l.axis().isPresent() ? words.get("hp.axis", l.axis().getAsInt()) : "";
  }
}
