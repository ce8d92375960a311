package io.layerwise.diagram;

/**
 * Data flowing from one box into another.
 *
 * @param from the id of the box it leaves
 * @param to the id of the box it enters
 */
public record Arrow(String from, String to) {}
