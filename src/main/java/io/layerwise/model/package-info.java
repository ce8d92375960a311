/**
 * The exercise as data: a network of layers with their hyperparameters, nothing computed yet.
 *
 * <p>Second stage of the pipeline (exercise reading → <b>model</b> → engine → rendering →
 * publishing). The model depends on nothing; the reader builds it, the engine reads it. A
 * {@link io.layerwise.model.Layer} is the operation only (a sealed type with one record per kind);
 * a {@link io.layerwise.model.LayerNode} places it in the graph.
 */
package io.layerwise.model;
