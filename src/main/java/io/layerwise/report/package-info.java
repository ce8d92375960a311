/**
 * Terminal and machine reports of an analysis: the {@code model.summary()}-style text of {@code
 * explain} and its JSON contract. Plain Java, no template engine, so that {@code explain} starts
 * fast.
 */
package io.layerwise.report;
