package io.layerwise.render;

/**
 * A formula a sheet shows as an image in PDF (in HTML it is MathML): the publishing stage
 * typesets its LaTeX into {@code file}, as text in embedded fonts. Identical LaTeX gives the
 * identical file name, so each formula is typeset once.
 *
 * @param file the image's file name, relative to the sheet ({@code formulas/f-….svg})
 * @param latex what to typeset
 */
public record Formula(String file, String latex) {

  static Formula of(String latex) {
    return new Formula("formulas/f-" + Hashes.sha256(latex).substring(0, 20) + ".svg", latex);
  }
}
