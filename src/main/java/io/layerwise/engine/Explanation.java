package io.layerwise.engine;

import io.layerwise.model.Wording;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-line "why" of a derivation, kept as a message key and its arguments so that sheets can
 * be written in another language; the wording lives in {@code explanations*.properties}.
 *
 * @param key the message key
 * @param args the values the message mentions (numbers, shapes, names)
 */
public record Explanation(String key, List<Object> args) {

  private static final String BUNDLE = "io.layerwise.engine.explanations";



  /** Parsed messages by language and key: parsing a pattern costs more than formatting it. */
  private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

  public Explanation {
    args = List.copyOf(args);
  }

  public static Explanation of(String key, Object... args) {
    return new Explanation(key, List.of(args));
  }

  /** The wording in one language; English where a language is not bundled. */
  static ResourceBundle bundle(Locale locale) {
    return Wording.bundle(BUNDLE, locale);
  }

  /** Whether the wording of a key exists, for optional, more specific explanations. */
  public static boolean exists(String key) {
    return bundle(Locale.ENGLISH).containsKey(key);
  }

  /** The sentence in English. */
  public String text() {
    return text(Locale.ENGLISH);
  }

  /** The sentence in the given language, falling back to English. */
  public String text(Locale locale) {
    MessageFormat format = FORMATS.computeIfAbsent(locale.toLanguageTag() + "\u0000" + key,
        k -> Wording.format(bundle(locale).getString(key)));
    // an argument that is itself an explanation (a word such as a layer family) is worded in
    // the same language
    Object[] worded = args.stream()
        .map(a -> a instanceof Explanation e ? e.text(locale) : a).toArray();
    synchronized (format) {
      return format.format(worded);
    }
  }
}
