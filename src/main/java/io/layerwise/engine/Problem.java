package io.layerwise.engine;

/**
 * Something that makes a network impossible, found by the engine.
 *
 * @param layerIndex position of the layer in the file (0-based), or -1 for the network's input
 * @param field the exercise key at fault ({@code kernel_size}, {@code inputs}), or empty for the
 *     layer as a whole
 * @param message what is wrong, ending with the layer's name and type
 */
public record Problem(int layerIndex, String field, String message) {}
