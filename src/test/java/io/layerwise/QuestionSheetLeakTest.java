package io.layerwise;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.build.BuildListener;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import io.layerwise.build.SheetBuild;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Fraction;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Totals;
import io.layerwise.model.Exercise;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question sheet gives away nothing it asks: for every bundled exercise, none of its asked
 * answers (output shapes in every spelling a sheet or a student might use, counts with and
 * without thousands separators, receptive fields, memory in bytes, MiB and MB) appears in its AsciiDoc, in its HTML (the
 * embedded diagram pictures decoded) or in its PDF's text. A number that the sheet has to give
 * anyway (the input shape, a hyperparameter such as 128 units, a layer's position) is not a leak
 * and is left out of the check; so is a count below 100, which a sheet's own
 * text may well hold (LeNet's 7×12 bitmaps).
 */
@Tag("publish")
class QuestionSheetLeakTest {

  private static final Publisher PUBLISHER = new Publisher();
  private static final Pattern DATA_SVG = Pattern.compile("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  @TempDir static Path out;

  @BeforeAll
  static void buildQuestionSheets() {
    BuildRequest r = new BuildRequest(Bundled.files(), out,
        EnumSet.of(OutputFormat.ADOC, OutputFormat.HTML, OutputFormat.PDF),
        EnumSet.of(SheetKind.QUESTIONS), Optional.empty(), Optional.empty(), Locale.ENGLISH);
    BuildReport report = SheetBuild.run(r, BuildListener.NONE, PUBLISHER);
    assertThat(report.diagnostics()).isEmpty();
  }

  @AfterAll
  static void close() {
    PUBLISHER.close();
  }

  static Stream<String> exercises() {
    return Bundled.files().stream().map(p -> Bundled.DIR.relativize(p).toString()
        .replaceAll("\\.yaml$", ""));
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void aQuestionSheetGivesAwayNothingItAsks(String file) throws Exception {
    Analysis a = Bundled.analyze(file);
    String id = a.exercise().id();
    List<String> leaks = leaks(a);
    assertThat(leaks).as("the asked answers of %s", id).isNotEmpty();
    String adoc = Files.readString(out.resolve(id + "-questions.adoc"));
    String html = Files.readString(out.resolve(id + "-questions.html"));
    StringBuilder pictures = new StringBuilder();
    Matcher m = DATA_SVG.matcher(html);
    while (m.find()) {
      pictures.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
    }
    assertThat(pictures.toString()).as("the diagram is in the page").contains("<svg");
    for (Path svg : svgs(id)) {
      adoc += Files.readString(svg);
    }
    for (String where : List.of("adoc", "html", "pdf")) {
      String text = normal(switch (where) {
        case "adoc" -> adoc;
        case "html" -> text(html) + " " + text(pictures.toString());
        default -> PublishedSheetsTest.pdfText(out.resolve(id + "-questions.pdf"));
      });
      for (String leak : leaks) {
        assertThat(found(text, leak)).as("%s's question sheet (%s) prints the asked answer %s",
            id, where, leak).isFalse();
      }
    }
  }

  private static List<Path> svgs(String id) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith(id + "-network")
          && p.toString().endsWith(".svg")).toList();
    }
  }

  /** Every spelling of every asked answer, less what the sheet must give anyway. */
  static List<String> leaks(Analysis a) {
    Exercise e = a.exercise();
    Set<Long> given = given(a);
    Set<String> out = new LinkedHashSet<>();
    for (LayerResult l : a.layers()) {
      for (Quantity q : Quantity.values()) {
        if (!e.asks(q, l.name())) {
          continue;
        }
        switch (q) {
          case OUTPUT_SHAPE -> {
            if (!l.output().equals(e.network().input())) {
              out.addAll(shapes(l.output(), a));
            }
          }
          case ACTIVATIONS -> counts(out, l.activations(), given);
          case WEIGHTS -> counts(out, l.weights(), given);
          case BIASES -> counts(out, l.biases(), given);
          case PARAMS -> counts(out, l.params(), given);
          case TRAINABLE_PARAMS -> counts(out, l.trainable(), given);
          case NON_TRAINABLE_PARAMS -> counts(out, l.nonTrainable(), given);
          case MACS -> counts(out, l.macs(), given);
          case RECEPTIVE_FIELD -> l.geometry().ifPresent(g -> {
            List<String> rf = g.receptiveField().stream().map(Fraction::toString).toList();
            out.add(String.join("×", rf));
            out.add(String.join(" × ", rf));
            out.add(String.join("x", rf));
            for (String r : rf) {
              if (!given.contains(Long.parseLong(r.replaceAll("\\D.*", "")))) {
                out.add(r);
              }
            }
          });
          case ACTIVATION_BYTES, PARAM_BYTES, GRADIENT_BYTES, OPTIMIZER_STATE_BYTES,
              TOTAL_BYTES -> a.memory().orElseThrow().layers().stream()
              .filter(m -> m.name().equals(l.name())).findFirst()
              .flatMap(m -> m.value(q))
              .ifPresent(v -> counts(out, ((Value.Count) v).value(), given));
          case TOTAL, INPUT_BYTES, TOTAL_MIB, TOTAL_MB, MEMORY -> { }
        }
      }
    }
    if (e.asks(Quantity.TOTAL)) {
      Totals t = a.totals();
      counts(out, t.params(), given);
      counts(out, t.trainable(), given);
      counts(out, t.nonTrainable(), given);
    }
    if (e.asks(Quantity.MEMORY)) {
      for (Quantity q : Quantity.MEMORY_TOTALS) {
        Value v = a.memory().orElseThrow().value(q).orElseThrow();
        if (v instanceof Value.Count c) {
          counts(out, c.value(), given);
        } else if (v.canonical().length() > 4) {
          out.add(v.canonical());
          out.add(v.canonical().replace('.', ','));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The numbers a question sheet has to print: input, hyperparameters, positions. */
  private static Set<Long> given(Analysis a) {
    Set<Long> given = new java.util.HashSet<>();
    a.exercise().network().input().dims().forEach(given::add);
    StringBuilder text = new StringBuilder();
    for (LayerResult l : a.layers()) {
      text.append(l.node().layer()).append(' ').append(l.name()).append(' ');
    }
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      if (m.group().length() < 12) {
        given.add(Long.parseLong(m.group()));
      }
    }
    for (long i = 0; i <= a.layers().size() + 1; i++) {
      given.add(i);
    }
    return given;
  }

  private static void counts(Set<String> out, long n, Set<Long> given) {
    if (n < 100 || given.contains(n)) {
      return;
    }
    String plain = Long.toString(n);
    out.add(plain);
    if (n >= 1000) {
      out.add(String.format(Locale.ROOT, "%,d", n));
      out.add(String.format(Locale.ROOT, "%,d", n).replace(',', ' '));
      out.add(String.format(Locale.ROOT, "%,d", n).replace(',', '.'));
      out.add(String.format(Locale.ROOT, "%,d", n).replace(',', '_'));
    }
  }

  private static List<String> shapes(Shape s, Analysis a) {
    List<String> dims = s.dims().stream().map(String::valueOf).toList();
    List<String> out = new ArrayList<>();
    out.add(s.batched(a.exercise().framework()));
    out.add(s.toString());
    out.add("[" + String.join(", ", dims) + "]");
    out.add("(" + String.join(",", dims) + (dims.size() == 1 ? ",)" : ")"));
    if (dims.size() > 1) {
      out.add(String.join("×", dims));
      out.add(String.join(" × ", dims));
      out.add(String.join("x", dims));
      out.add(String.join(" x ", dims));
    }
    return out;
  }

  /** What a reader sees of HTML or SVG: the text, without markup, styles and scripts. */
  private static String text(String markup) {
    return markup.replaceAll("(?s)<style.*?</style>|<script.*?</script>", " ")
        .replaceAll("(?s)<[^>]*>", " ").replace("&amp;", "&").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&#215;", "×").replace("&#8594;", "→");
  }

  /** Spaces of every width as one space, so that a grouped number reads the same everywhere. */
  private static String normal(String s) {
    return s.replaceAll("[\\u00a0\\u2009\\u202f\\s]+", " ");
  }

  /** Whether the spelling appears as a whole: not inside a longer number. */
  static boolean found(String text, String spelling) {
    Pattern p = Pattern.compile("(?<![\\d.,_])" + Pattern.quote(spelling) + "(?![\\d]|[.,_]\\d)");
    return p.matcher(text).find();
  }
}
