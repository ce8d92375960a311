package io.layerwise.build;

import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.publish.OutputFormat;
import io.layerwise.render.RenderException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The question banks a build writes for one exercise or one set of variants, in the formats it
 * asks for: {@code <base>-moodle.xml}, {@code <base>-qti.zip}, {@code <base>-canvas.zip}. They
 * are made in memory and staged with the exercise's other files, so that they replace the
 * earlier ones together.
 */
final class QuizFiles {

  private QuizFiles() {}

  /** The banks by file name, in a fixed order; empty when no bank format is asked for. */
  static Map<String, byte[]> of(BuildContext c, List<Diagnosis> diagnoses, String base)
      throws RenderException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (OutputFormat f : c.request.formats().stream().sorted().toList()) {
      Optional<byte[]> bytes = switch (f) {
        case HTML, PDF, ADOC, SELFCHECK -> Optional.empty();
        case MOODLE -> Optional.of(c.sheets().moodle(diagnoses, c.request.locale())
            .getBytes(StandardCharsets.UTF_8));
        case QTI -> Optional.of(c.sheets().qti(diagnoses, c.request.locale()).zip());
        case CANVAS -> Optional.of(c.sheets().canvas(diagnoses, c.request.locale()).zip());
      };
      if (bytes.isPresent()) {
        files.put(base + "-" + f.name().toLowerCase(Locale.ROOT) + "." + f.extension(),
            bytes.get());
      }
    }
    return files;
  }
}
