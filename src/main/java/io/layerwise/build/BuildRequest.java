package io.layerwise.build;

import io.layerwise.publish.Document;
import io.layerwise.publish.OutputFormat;
import io.layerwise.render.Cover;
import io.layerwise.render.SheetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code build} is asked to make.
 *
 * @param inputs exercise files, or directories searched for {@code *.yaml}
 * @param out the output directory
 * @param formats HTML, PDF and/or AsciiDoc
 * @param sheets question and/or answer sheets
 * @param handout when present, one document with all exercises under this name
 * @param templates a directory whose templates replace the bundled ones of the same name
 * @param locale the language of the sheets
 * @param cover what the handout's title page says besides its name
 */
public record BuildRequest(
    List<Path> inputs,
    Path out,
    Set<OutputFormat> formats,
    Set<SheetKind> sheets,
    Optional<String> handout,
    Optional<Path> templates,
    Locale locale,
    Cover cover) {

  /** A request whose handout, if any, has the default title page. */
  public BuildRequest(List<Path> inputs, Path out, Set<OutputFormat> formats,
      Set<SheetKind> sheets, Optional<String> handout, Optional<Path> templates, Locale locale) {
    this(inputs, out, formats, sheets, handout, templates, locale, Cover.NONE);
  }

  public BuildRequest {
    handout.ifPresent(h -> {
      if (!Document.isPlainName(h)) {
        throw new IllegalArgumentException("a handout's name is a plain file name of letters,"
            + " digits, '.', '_' and '-', not '" + h + "'");
      }
    });
    inputs = List.copyOf(inputs);
    formats = Set.copyOf(formats);
    sheets = Set.copyOf(sheets);
  }
}
