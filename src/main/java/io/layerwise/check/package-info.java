/**
 * Self-check: a student's answers against the engine's, with a verdict for each and, for a wrong
 * one, the mistake of the catalogue that reproduces it or the earlier wrong answer it was carried
 * from. Between the engine and the reports; pure, never prints.
 */
package io.layerwise.check;
