/**
 * Reading exercise files: YAML text → a tree that remembers where every value stood → the model.
 *
 * <p>First stage of the pipeline (<b>exercise reading</b> → model → engine → rendering →
 * publishing) and the only package that imports Jackson. Every problem is collected with its line
 * and column, never thrown at the first one.
 */
package io.layerwise.exercise;
