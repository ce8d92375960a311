package io.layerwise.check;

import io.layerwise.model.Quantity;

/**
 * An earlier answer a wrong value was carried from.
 *
 * @param layer the layer's name
 * @param quantity the quantity answered there
 */
public record Source(String layer, Quantity quantity) {}
