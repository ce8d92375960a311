package io.layerwise.engine;

/**
 * Sums over all layers.
 *
 * @param params all parameters
 * @param trainable trainable parameters
 * @param nonTrainable non-trainable parameters
 * @param macs multiply–accumulates for one sample
 * @param activations output elements of all layers for one sample (the input not included)
 */
public record Totals(long params, long trainable, long nonTrainable, long macs, long activations) {}
