package io.layerwise.publish;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import java.io.File;
import java.util.List;

/**
 * What openhtmltopdf asks of an SVG drawer besides drawing, for the printer's own drawers
 * ({@link FormulaDrawer}, {@link DiagramDrawer}): they draw in the printer's embedded fonts, so
 * they take no font of a document's and hold nothing to close.
 */
abstract class OwnDrawer implements SVGDrawer {

  @Override
  public final void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
    // the printer's own fonts only
  }

  @Override
  public final void addFontFile(File file, String family, Integer weight,
      BaseRendererBuilder.FontStyle style) {
    // the printer's own fonts only
  }

  @Override
  public final void close() {}
}
