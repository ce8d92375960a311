/**
 * Publishing: AsciiDoc → self-contained HTML (AsciidoctorJ) and PDF (asciidoctorj-pdf), with every
 * formula typeset to SVG by JLaTeXMath, glyphs drawn as vector paths (JFreeSVG).
 *
 * <p>Fifth stage of the pipeline and the only package that imports AsciidoctorJ, JLaTeXMath and
 * JFreeSVG. One Asciidoctor instance per process, started only when something has to be converted
 * (JRuby's start-up costs seconds); Asciidoctor runs in SAFE mode jailed to a work directory, and
 * its log becomes Layerwise diagnostics. Results are written to a temporary file and moved into
 * place, so a failed build leaves no half-written file and never destroys earlier output.
 */
package io.layerwise.publish;
