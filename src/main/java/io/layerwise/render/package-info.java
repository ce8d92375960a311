/**
 * Sheets as AsciiDoc: engine results → view models of finished, escaped text → FreeMarker
 * templates → AsciiDoc, plus the network diagram as SVG.
 *
 * <p>Fourth stage of the pipeline and the only package that imports FreeMarker. Templates only
 * loop and print; every number, formula and sentence arrives finished. Text that comes from an
 * exercise file is escaped by {@link io.layerwise.render.AsciiDoc} before any template sees it, so
 * it can never become markup, a directive or template syntax.
 */
package io.layerwise.render;
