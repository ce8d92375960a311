/**
 * Publishing: AsciiDoc → self-contained HTML (AsciidoctorJ), whose formulas are MathML from the
 * engine carrying their LaTeX, and that HTML printed to a tagged PDF/UA (openhtmltopdf on PDFBox,
 * read by jsoup, laid out with the print stylesheet), whose formulas JLaTeXMath lays out and the
 * printer draws as text in JLaTeXMath's Computer Modern fonts, re-mapped to Unicode and embedded.
 *
 * <p>Fifth stage of the pipeline and the only package that imports AsciidoctorJ, jsoup,
 * openhtmltopdf, PDFBox, JLaTeXMath and JFreeSVG. One Asciidoctor instance per process, started
 * only when something has to be converted (JRuby's start-up costs seconds, so the printer loads
 * on the other core meanwhile); Asciidoctor runs in SAFE mode jailed to a work directory, the
 * printer reads nothing outside it and nothing from the network, and Asciidoctor's log becomes
 * Layerwise diagnostics. Results are written to a temporary file and moved into place, so a
 * failed build leaves no half-written file and never destroys earlier output.
 */
package io.layerwise.publish;
