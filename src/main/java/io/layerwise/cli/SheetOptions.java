package io.layerwise.cli;

import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Paper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code build} and {@code watch} share: where, in which formats and language. */
final class SheetOptions {

  @Option(names = "--out", defaultValue = "output", paramLabel = "DIR",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", split = ",", defaultValue = "html,pdf", paramLabel = "FORMAT",
      description = "html, pdf, adoc, selfcheck (an offline self-check page per exercise)"
          + ", moodle (a Moodle XML question bank per exercise or set of variants),"
          + " qti (an IMS QTI 2.1 package, likewise) and/or canvas (a Canvas QTI 1.2 zip)"
          + " (default: ${DEFAULT-VALUE}).")
  List<OutputFormat> formats;

  @Option(names = "--paper", defaultValue = "a4", paramLabel = "PAPER",
      converter = PaperConverter.class,
      description = "The PDF's paper: a4 or letter (default: ${DEFAULT-VALUE}).")
  Paper paper;

  /** Reads {@code a4} or {@code letter}, in any case. */
  static final class PaperConverter implements picocli.CommandLine.ITypeConverter<Paper> {
    @Override
    public Paper convert(String value) {
      for (Paper p : Paper.values()) {
        if (p.name().equalsIgnoreCase(value)) {
          return p;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("'" + value
          + "' is not a paper: a4 or letter");
    }
  }

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Templates here replace the bundled ones of the same name.")
  Optional<Path> templates;

  @Mixin LanguageOption language;

  Locale locale() {
    return language.locale();
  }
}
