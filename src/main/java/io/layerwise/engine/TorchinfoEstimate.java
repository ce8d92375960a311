package io.layerwise.engine;

/**
 * What torchinfo's {@code summary()} prints under its table for a PyTorch exercise, derived by
 * its convention (torchinfo's {@code ModelStatistics}): the input with its batch; twice the
 * output bytes of every leaf module that has parameters ("for gradients"); the parameters'
 * bytes (buffers such as running statistics not included); and their sum, all printed in MB of
 * 10⁶ bytes.
 *
 * @param input "Input size"
 * @param forwardBackward "Forward/backward pass size"
 * @param params "Params size"
 * @param total "Estimated Total Size"
 */
public record TorchinfoEstimate(Derivation input, Derivation forwardBackward, Derivation params,
    Derivation total) {}
