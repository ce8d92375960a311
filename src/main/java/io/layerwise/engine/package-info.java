/**
 * Shape inference, parameter counting and derivations.
 *
 * <p>Third stage of the pipeline (exercise reading → model → <b>engine</b> → rendering →
 * publishing). {@link io.layerwise.engine.Engine} walks a {@link io.layerwise.model.Network} once,
 * in file order; every number it reports is the value of a {@link io.layerwise.engine.Derivation},
 * an expression tree whose symbols are bound to the layer's numbers, so that the formula, the
 * substituted form and the result cannot disagree. The engine is pure: no I/O, no shared state,
 * cheap enough to run thousands of times for variants and mistake models.
 */
package io.layerwise.engine;
