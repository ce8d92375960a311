package io.layerwise.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How every stage finds its wording: a resource bundle in the asked language, English when the
 * language has none (never the JVM's default language), and numbers in sentences grouped by
 * commas in every language, as in the formulas and in {@code model.summary()}.
 */
public final class Wording {

  /** The locale numbers are formatted in, whatever the language of the words around them. */
  public static final Locale NUMBERS = Locale.ENGLISH;

  private Wording() {}

  /** A bundle in a language, or the English one; never one chosen by the JVM's locale. */
  public static ResourceBundle bundle(String name, Locale locale) {
    return ResourceBundle.getBundle(name, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** A message pattern, with its numbers grouped by commas. */
  public static MessageFormat format(String pattern) {
    return new MessageFormat(pattern, NUMBERS);
  }
}
