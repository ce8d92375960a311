package io.layerwise.code;

import io.layerwise.model.Framework;
import io.layerwise.model.Wording;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a sheet says next to the generated code about one layer: that a framework has no exact
 * equivalent (and so gets no program), that the two frameworks count it differently, or that the
 * code builds it in a way that needs a word. The wording lives in {@code notes*.properties},
 * so a sheet can be written in another language.
 *
 * @param framework the framework the note is about: the one without an equivalent, the one whose
 *     code was rewritten, or, for a counting difference, the one the exercise does not follow
 * @param layer the layer's name in the exercise
 * @param kind what sort of note it is
 * @param key the message key in {@code notes.properties}
 * @param args the values the message mentions after the layer and the framework ({@code {2}},
 *     {@code {3}}, …): counts, sizes, names
 */
public record CodeNote(Framework framework, String layer, Kind kind, String key,
    List<Object> args) {

  private static final String BUNDLE = "io.layerwise.code.notes";

  /** Parsed messages by language and key. */
  private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

  /** The sorts of notes, in the order of how much they matter. */
  public enum Kind {
    /** The framework has no exact equivalent of the layer: its program is left out. */
    NO_EQUIVALENT,
    /** Both frameworks build the layer, but count its parameters differently. */
    COUNTS_DIFFER,
    /** The code builds the layer exactly, but not in the obvious way (an extra padding step). */
    REWRITTEN
  }

  public CodeNote {
    args = List.copyOf(args);
  }

  static CodeNote of(Framework framework, String layer, Kind kind, String key, Object... args) {
    return new CodeNote(framework, layer, kind, key, List.of(args));
  }

  /** The sentence in English. */
  public String text() {
    return text(Locale.ENGLISH);
  }

  /**
   * The sentence in the given language, falling back to English: {@code {0}} is the layer,
   * {@code {1}} the framework's name, then the arguments.
   */
  public String text(Locale locale) {
    ResourceBundle bundle = Wording.bundle(BUNDLE, locale);
    List<Object> all = new ArrayList<>();
    all.add(layer);
    all.add(bundle.getString("framework." + framework.id()));
    all.addAll(args);
    MessageFormat format = FORMATS.computeIfAbsent(locale.toLanguageTag() + "\u0000" + key,
        k -> Wording.format(bundle.getString(key)));
    synchronized (format) {
      return format.format(all.toArray());
    }
  }
}
