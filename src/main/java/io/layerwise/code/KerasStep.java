package io.layerwise.code;

import java.util.List;

/**
 * One exercise layer in Keras code: the Keras layers that build it, applied in turn (a
 * ZeroPadding layer before a convolution Keras cannot pad explicitly, a Cropping layer after a
 * transposed convolution).
 *
 * @param calls the layers; the first takes the layer's inputs, each further one the output
 *     before it
 */
record KerasStep(List<Call> calls) {

  KerasStep {
    calls = List.copyOf(calls);
  }

  static KerasStep of(Call... calls) {
    return new KerasStep(List.of(calls));
  }

  /** How a Keras layer is called on its inputs. */
  enum Arity {
    /** One tensor: {@code layer(x)}. */
    ONE,
    /** A list: {@code layers.Add()([a, b])}. */
    LIST,
    /** Query and value (and key): {@code mha(q, v)}; self-attention passes one tensor twice. */
    QUERY_VALUE,
    /** PyTorch's query, key and value, called in Keras' order: {@code mha(q, v, k)}. */
    QUERY_KEY_VALUE
  }

  /**
   * One Keras layer.
   *
   * @param layer the constructor call, such as {@code layers.Conv2D(8, 5, name='conv1')}
   * @param arity how it is called
   */
  record Call(String layer, Arity arity) {

    static Call one(Python.Call layer) {
      return new Call(layer.toString(), Arity.ONE);
    }
  }
}
