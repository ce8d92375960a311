package io.layerwise.cli;

import io.layerwise.Layerwise;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --lang}: the language of sheets, reports and the self-check page. */
final class LanguageOption {

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec spec;

  private Locale locale = Locale.ENGLISH;

  @Option(names = "--lang", paramLabel = "LANG",
      description = "Language of what is written: en (default) or de.")
  void lang(String tag) {
    Locale wanted = Locale.forLanguageTag(tag.strip());
    for (Locale l : Layerwise.LANGUAGES) {
      if (l.getLanguage().equals(wanted.getLanguage())) {
        locale = l;
        return;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "unknown language '" + tag
        + "'; Layerwise writes " + Layerwise.LANGUAGES.stream().map(Locale::getLanguage)
            .collect(Collectors.joining(", ")));
  }

  Locale locale() {
    return locale;
  }
}
