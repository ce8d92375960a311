package io.layerwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translation has exactly the keys of the English bundle, the same arguments in every
 * message, and patterns that MessageFormat reads as meant: an ASCII apostrophe would quote (and so
 * swallow) the text after it. A new bundle is one line in {@link #BUNDLES}; a new language one in
 * {@link #TRANSLATIONS}.
 */
class LanguagesTest {

  /** A bundle, and which of its keys are printed as they are rather than as MessageFormat. */
  record Bundle(String baseName, Predicate<String> plain) {

    String resource(Locale locale) {
      String suffix = locale.getLanguage().isEmpty() ? "" : "_" + locale.getLanguage();
      return baseName.replace('.', '/') + suffix + ".properties";
    }

    @Override
    public String toString() {
      return baseName;
    }
  }

  private static final List<Bundle> BUNDLES = List.of(
      new Bundle("io.layerwise.render.words", k -> k.startsWith("t.") || k.startsWith("js.")),
      new Bundle("io.layerwise.engine.explanations", k -> false),
      new Bundle("io.layerwise.check.feedback", k -> false),
      new Bundle("io.layerwise.report.report", k -> false),
      new Bundle("io.layerwise.code.notes", k -> false));

  private static final List<Locale> TRANSLATIONS = List.of(Locale.GERMAN);

  /** {n at the start of an argument: {0}, {1,number,#.###}, {0,choice,...}. */
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

  static Stream<Object[]> translations() {
    return BUNDLES.stream().flatMap(b -> TRANSLATIONS.stream().map(l -> new Object[] {b, l}));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("translations")
  void sameKeysAsEnglish(Bundle bundle, Locale locale) throws IOException {
    Properties english = load(bundle.resource(Locale.ROOT));
    Properties translated = load(bundle.resource(locale));
    assertThat(translated.stringPropertyNames())
        .as("keys of %s", bundle.resource(locale))
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : translated.stringPropertyNames()) {
      assertThat(translated.getProperty(key)).as(key).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("translations")
  void theCodeFindsTheTranslation(Bundle bundle, Locale locale) {
    ResourceBundle rb = ResourceBundle.getBundle(bundle.baseName(), locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    assertThat(rb.getLocale()).isEqualTo(locale);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("translations")
  void sameArgumentsAsEnglish(Bundle bundle, Locale locale) throws IOException {
    Properties english = load(bundle.resource(Locale.ROOT));
    Properties translated = load(bundle.resource(locale));
    SoftAssertions softly = new SoftAssertions();
    for (String key : english.stringPropertyNames()) {
      if (translated.containsKey(key)) {
        softly.assertThat(arguments(translated.getProperty(key)))
            .as("arguments of %s in %s", key, bundle.resource(locale))
            .isEqualTo(arguments(english.getProperty(key)));
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("translations")
  void everyPatternFormats(Bundle bundle, Locale locale) throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (Locale l : List.of(Locale.ROOT, locale)) {
      Properties p = load(bundle.resource(l));
      for (String key : p.stringPropertyNames()) {
        if (bundle.plain().test(key)) {
          continue;
        }
        String pattern = p.getProperty(key);
        String where = key + " in " + bundle.resource(l);
        softly.assertThat(pattern).as("an ASCII apostrophe quotes text in %s", where)
            .doesNotContain("'");
        String formatted;
        try {
          formatted = format(pattern);
        } catch (IllegalArgumentException e) {
          softly.fail(where + " does not format: " + e.getMessage());
          continue;
        }
        softly.assertThat(formatted).as("unformatted text left in %s", where)
            .doesNotContain("{", "}");
        softly.assertThat(new MessageFormat(pattern, Locale.ENGLISH).getFormatsByArgumentIndex())
            .as("argument count of %s", where)
            .hasSize(arguments(pattern).isEmpty() ? 0 : arguments(pattern).last() + 1);
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("translations")
  void templatesSayTheLanguage(Bundle bundle, Locale locale) throws IOException {
    Properties p = load(bundle.resource(locale));
    if (p.containsKey("t.lang")) {
      assertThat(p.getProperty("t.lang")).isEqualTo(locale.getLanguage());
    }
  }

  /** The argument indices a pattern (or a plain text with {0} in it) mentions. */
  private static TreeSet<Integer> arguments(String pattern) {
    TreeSet<Integer> indices = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern);
    while (m.find()) {
      indices.add(Integer.parseInt(m.group(1)));
    }
    return indices;
  }

  /** The pattern formatted as the code does, with a sample value of the right kind per argument. */
  private static String format(String pattern) {
    MessageFormat mf = new MessageFormat(pattern, Locale.ENGLISH);
    Format[] formats = mf.getFormatsByArgumentIndex();
    Object[] args = new Object[formats.length];
    for (int i = 0; i < args.length; i++) {
      Format f = formats[i];
      args[i] = f instanceof ChoiceFormat ? (Object) 2
          : f instanceof NumberFormat ? (Object) 48120.25
          : f instanceof DateFormat ? new Date(0)
          : "arg" + i;
    }
    return mf.format(args);
  }

  /**
   * The file as Java 9+ reads it: UTF-8. The file must be valid UTF-8, or ResourceBundle would
   * silently read it as ISO-8859-1 instead.
   */
  private static Properties load(String resource) throws IOException {
    byte[] bytes;
    try (InputStream in = LanguagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      bytes = in.readAllBytes();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(resource + " is not valid UTF-8", e);
    }
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }
}
