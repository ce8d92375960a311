package io.layerwise.engine;

import io.layerwise.model.Framework;

/**
 * What a {@link Derivation} derives: one axis of the output shape, a parameter count, the
 * receptive field along an axis, the other framework's count, or a step of a comparison. A closed
 * set of types, so that code asks "is this an output axis?" with {@code instanceof} and never
 * parses a name back; {@link #id()} is only the name the JSON report prints.
 */
public sealed interface Derived {

  /** The name in {@code explain --format json}: {@code output_shape[0]}, {@code params}, … */
  String id();

  /** Whether this is one axis of the output shape. */
  default boolean outputAxis() {
    return this instanceof OutputAxis;
  }

  /** Whether this is the receptive field or the effective stride along an axis. */
  default boolean geometry() {
    return this instanceof ReceptiveField || this instanceof EffectiveStride;
  }

  /**
   * One axis of the output shape, batch axis left out.
   *
   * @param axis from 0
   */
  record OutputAxis(int axis) implements Derived {
    @Override
    public String id() {
      return "output_shape[" + axis + "]";
    }
  }

  /**
   * The receptive field along one spatial axis.
   *
   * @param axis the spatial axis, from 0
   */
  record ReceptiveField(int axis) implements Derived {
    @Override
    public String id() {
      return "receptive_field[" + axis + "]";
    }
  }

  /**
   * The effective stride (jump) along one spatial axis.
   *
   * @param axis the spatial axis, from 0
   */
  record EffectiveStride(int axis) implements Derived {
    @Override
    public String id() {
      return "effective_stride[" + axis + "]";
    }
  }

  /**
   * What another framework counts for the layer, where it counts differently.
   *
   * @param framework the other framework
   */
  record OtherParams(Framework framework) implements Derived {
    @Override
    public String id() {
      return "params_" + framework.id();
    }
  }

  /** The counts of one layer. */
  enum Count implements Derived {
    ACTIVATIONS("activations"),
    WEIGHTS("weights"),
    BIASES("biases"),
    PARAMS("params"),
    TRAINABLE("trainable_params"),
    NON_TRAINABLE("non_trainable_params"),
    MACS("macs");

    private final String id;

    Count(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }
  }

  /**
   * A step of the comparison of two counts ({@link Comparison}), not of one layer.
   */
  enum ComparisonStep implements Derived {
    /** One kind of layer that the other framework counts differently: {@code Δ_BN}. */
    CONVENTION_KIND("convention.kind"),
    /** The other framework's total. */
    CONVENTION_TOTAL("convention.params"),
    /** One side's sum for one category of parameters. */
    COUNTERPART_SIDE("counterpart.side"),
    /** The difference in one category. */
    COUNTERPART_CATEGORY("counterpart.category"),
    /** The sum of the differences. */
    COUNTERPART_SUM("counterpart.sum"),
    /** The difference of the totals. */
    COUNTERPART_TOTAL("counterpart.total");

    private final String id;

    ComparisonStep(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }
  }

  /**
   * A quantity of the memory of a training step ({@code training:}): bytes of a layer or of the
   * whole network, FLOPs, and torchinfo's estimate.
   */
  enum Memory implements Derived {
    /** A layer's output for the batch, or all outputs kept for the backward pass. */
    ACTIVATION_BYTES("activation_bytes"),
    /** Parameters in the compute format. */
    PARAM_BYTES("param_bytes"),
    /** One gradient per trainable parameter. */
    GRADIENT_BYTES("gradient_bytes"),
    /** The optimizer's state, with the float32 master copy under mixed precision. */
    OPTIMIZER_STATE_BYTES("optimizer_state_bytes"),
    /** The input batch. */
    INPUT_BYTES("input_bytes"),
    /** Values stored for the backward pass: every output that is not a view. */
    STORED_ACTIVATIONS("stored_activations"),
    /** The sum of the memory parts. */
    TOTAL_BYTES("total_bytes"),
    /** Floating-point operations of the forward pass for the batch. */
    FLOPS("forward_flops"),
    /** The rule of thumb for a training step: forward and a backward of twice its cost. */
    TRAINING_FLOPS("training_step_flops"),
    /** torchinfo's "Input size". */
    TORCHINFO_INPUT("torchinfo.input_size"),
    /** torchinfo's "Forward/backward pass size". */
    TORCHINFO_FORWARD_BACKWARD("torchinfo.forward_backward_pass_size"),
    /** torchinfo's "Params size". */
    TORCHINFO_PARAMS("torchinfo.params_size"),
    /** torchinfo's "Estimated Total Size". */
    TORCHINFO_TOTAL("torchinfo.estimated_total_size");

    private final String id;

    Memory(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }
  }
}
