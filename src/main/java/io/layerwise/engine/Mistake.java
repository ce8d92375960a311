package io.layerwise.engine;

import java.util.Optional;

/**
 * The mistake catalogue: the ways students (and textbook tables) get a layer's numbers wrong.
 *
 * <p>Most entries are {@linkplain #perLayer() layer mistakes}: the engine's own rules know where
 * each can happen and, when asked to make it, take the wrong branch and record the mistaken
 * formula, so every number that follows from it is recomputed consistently ({@link Engine#slips}).
 * The others are about the totals or the answer sheet as a whole and are recognised by the
 * self-check; the memory mistakes ({@code training:}, from {@link #BITS_INSTEAD_OF_BYTES} on) by
 * the diagnosis, from the analysis' {@link Memory}. The {@link #id()} is a stable contract: JSON reports, Moodle feedback and the
 * self-check page use it.
 */
public enum Mistake {
  FORGOT_INPUT_CHANNELS("forgot-input-channels"),
  FORGOT_BIAS("forgot-bias"),
  ONE_BIAS_PER_LAYER("one-bias-per-layer"),
  NO_WEIGHT_SHARING("no-weight-sharing"),
  IGNORED_GROUPS("ignored-groups"),
  KERNEL_ONE_SIDE("kernel-one-side"),
  SAME_INSTEAD_OF_VALID("same-instead-of-valid"),
  VALID_INSTEAD_OF_SAME("valid-instead-of-same"),
  FORGOT_PLUS_ONE("forgot-plus-one"),
  CEIL_INSTEAD_OF_FLOOR("ceil-instead-of-floor"),
  PADDING_ONE_SIDE("padding-one-side"),
  FORGOT_STRIDE("forgot-stride"),
  TRANSPOSED_AS_FORWARD("transposed-as-forward"),
  POOLING_HAS_PARAMS("pooling-has-params", 3),
  FLATTEN_FORGOT_CHANNELS("flatten-forgot-channels"),
  DENSE_ON_LAST_AXIS("dense-on-last-axis"),
  BN_CONVENTION("bn-convention"),
  BN_STATISTICS_TRAINABLE("bn-statistics-trainable"),
  FORGOT_GATES("forgot-gates"),
  FORGOT_RECURRENT_WEIGHTS("forgot-recurrent-weights"),
  GRU_RESET_AFTER("gru-reset-after"),
  RNN_BIAS_CONVENTION("rnn-bias-convention"),
  RETURN_SEQUENCES("return-sequences"),
  FLOPS_INSTEAD_OF_MACS("flops-instead-of-macs"),
  CHANNELS_OF_NETWORK_INPUT("channels-of-network-input"),
  BIAS_DESPITE_NO_BIAS("bias-despite-no-bias"),
  GLOBAL_POOL_AS_FLATTEN("global-pool-as-flatten"),
  FORGOT_FILTERS("forgot-filters"),
  CHANNELS_KEPT("channels-kept"),
  ADD_AS_CONCATENATE("add-as-concatenate"),
  CONCATENATE_AS_ADD("concatenate-as-add"),
  TOTAL_TRAINABLE_ONLY("total-trainable-only", 0),
  WRONG_LAYER("wrong-layer", 0),
  MERGE_SHAPE_MISMATCH("merge-shape-mismatch", 0),
  BITS_INSTEAD_OF_BYTES("bits-instead-of-bytes", 0),
  FORGOT_BATCH("forgot-batch", 0),
  MIB_VS_MB("mib-vs-mb", 0),
  FORGOT_GRADIENTS("forgot-gradients", 0),
  FORGOT_OPTIMIZER_STATE("forgot-optimizer-state", 0),
  ADAM_MOMENTS_ONCE("adam-moments-once", 0),
  PARAMS_AS_ACTIVATIONS("params-as-activations", 0);

  private final String id;
  private final int variants;

  Mistake(String id) {
    this(id, 1);
  }

  Mistake(String id, int variants) {
    this.id = id;
    this.variants = variants;
  }

  /** The stable name: {@code forgot-input-channels}. */
  public String id() {
    return id;
  }

  /**
   * How many different wrong computations the mistake stands for (pooling given parameters can
   * look like LeNet's subsampling, a per-channel window, or a convolution); 0 for a mistake that
   * is not about a single layer.
   */
  public int variants() {
    return variants;
  }

  /** Whether the engine's layer rules can make this mistake. */
  public boolean perLayer() {
    return variants > 0;
  }

  /** The one-line description of the mistake, for reports: "forgot the input channels". */
  public Explanation title() {
    return Explanation.of("mistake." + id);
  }

  /** The longer why: what the right reasoning is. */
  public Explanation why() {
    return Explanation.of("mistake." + id + ".why");
  }

  public static Optional<Mistake> byId(String id) {
    for (Mistake m : values()) {
      if (m.id.equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
