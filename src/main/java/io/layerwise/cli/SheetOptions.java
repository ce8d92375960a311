package io.layerwise.cli;

import io.layerwise.publish.OutputFormat;
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

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Templates here replace the bundled ones of the same name.")
  Optional<Path> templates;

  @Mixin LanguageOption language;

  Locale locale() {
    return language.locale();
  }
}
