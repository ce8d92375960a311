/**
 * Publishing: AsciiDoc → self-contained HTML (AsciidoctorJ), whose formulas are MathML from the
 * engine, and PDF (asciidoctorj-pdf), whose formulas JLaTeXMath lays out into SVG (JFreeSVG) as
 * text in its own Computer Modern fonts, re-mapped to Unicode and embedded by the PDF theme.
 *
 * <p>Fifth stage of the pipeline and the only package that imports AsciidoctorJ, JLaTeXMath and
 * JFreeSVG. One Asciidoctor instance per process, started only when something has to be converted
 * (JRuby's start-up costs seconds); Asciidoctor runs in SAFE mode jailed to a work directory, and
 * its log becomes Layerwise diagnostics. Results are written to a temporary file and moved into
 * place, so a failed build leaves no half-written file and never destroys earlier output.
 */
package io.layerwise.publish;
