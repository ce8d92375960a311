/**
 * Sheets as AsciiDoc: engine results → view models of finished, escaped text → FreeMarker
 * templates → AsciiDoc, plus the network diagram as SVG.
 *
 * <p>Fourth stage of the pipeline and the only package that imports FreeMarker. Templates only
 * loop and print; every number, formula and sentence arrives finished. Text that comes from an
 * exercise file is escaped by {@link io.layerwise.render.AsciiDoc} before any template sees it, so
 * it can never become markup, a directive or template syntax.
 *
 * <p>The question banks are one quiz model ({@link io.layerwise.render.MoodleQuiz}) written as
 * Moodle XML (a template), an IMS QTI 2.1 package and a Canvas QTI 1.2 zip (XML built in Java,
 * every text through {@link io.layerwise.text.Xml}), the packages as reproducible zips
 * ({@link io.layerwise.render.QuizPackage}).
 */
package io.layerwise.render;
