package io.layerwise.cli;

import io.layerwise.publish.OutputFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options {@code build} and {@code watch} share: where, in which formats and language. */
final class SheetOptions {

  @Option(names = "--out", defaultValue = "output", paramLabel = "DIR",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", split = ",", defaultValue = "html,pdf", paramLabel = "FORMAT",
      description = "html, pdf, adoc and/or selfcheck (an offline self-check page per"
          + " exercise) (default: ${DEFAULT-VALUE}).")
  List<OutputFormat> formats;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Templates here replace the bundled ones of the same name.")
  Optional<Path> templates;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG",
      description = "Language of the sheets (default: ${DEFAULT-VALUE}).")
  String lang;

  Locale locale() {
    return Locale.forLanguageTag(lang);
  }
}
