package io.layerwise.check;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.Notation;
import io.layerwise.model.Exercise;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Quantity;
import io.layerwise.model.Wording;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The words of a finding: its verdict as a sentence, the mistake's why, and the whole explanation
 * as plain text for terminals and JSON. The wording lives in {@code feedback*.properties}.
 */
public final class Feedback {

  private static final String BUNDLE = "io.layerwise.check.feedback";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final List<String> names;

  /** The wording for the findings on one exercise, in the given language. */
  public Feedback(Locale locale, Exercise exercise) {
    this.locale = locale;
    this.names = exercise.network().layers().stream().map(LayerNode::name).toList();
    this.bundle = Wording.bundle(BUNDLE, locale);
  }

  /** The verdict as one sentence: "208 is wrong: forgot the input channels." */
  public String headline(Finding f) {
    String given = f.answer().given().text();
    String quantity = f.answer().quantity().id();
    return switch (f.verdict()) {
      case RIGHT -> format("right", given);
      case MISTAKE -> {
        String title = f.mistake().orElseThrow().title().text(locale);
        if (f.answer().isTotal()) {
          yield f.mistake().get().perLayer() ? format("total.mistake", given, title)
              : format("total.trainableOnly", given, title);
        }
        yield f.carriedFrom().isPresent()
            ? format("mistake.carried", given, title, f.carriedFrom().get().quantity().id(),
                f.carriedFrom().get().layer())
            : format("mistake", given, title);
      }
      case CARRIED -> f.answer().isTotal()
          && f.carriedFrom().orElseThrow().layer().equals("total")
          ? format("carried.memory", given, f.carriedFrom().get().quantity().id())
          : f.answer().isTotal()
          ? format("carried.total", given, f.carriedFrom().orElseThrow().quantity().id(),
              f.carriedFrom().get().layer())
          : format("carried", given, f.carriedFrom().orElseThrow().quantity().id(),
              f.carriedFrom().get().layer());
      case WRONG_LAYER -> f.otherMistake().isPresent()
          ? format("wrongLayer.mistake", given, quantity, f.layer(), f.otherLayer().orElseThrow(),
              position(f), f.otherMistake().get().title().text(locale))
          : format("wrongLayer", given, quantity, f.layer(), f.otherLayer().orElseThrow(),
              position(f));
      case UNEXPLAINED -> f.carriedFrom().isPresent()
          ? format("uncredited", given, f.carriedFrom().get().quantity().id(),
              f.carriedFrom().get().layer())
          : format("unexplained", given);
    };
  }

  private String position(Finding f) {
    return Integer.toString(names.indexOf(f.otherLayer().orElseThrow()) + 1);
  }

  /** Why the mistake is one: the right reasoning, for a diagnosed mistake. */
  public Optional<String> why(Finding f) {
    if (f.verdict() == Verdict.WRONG_LAYER) {
      return f.otherMistake().map(m -> m.why().text(locale));
    }
    return f.mistake().map(m -> m.why().text(locale));
  }

  /** The whole explanation as plain text: verdict, the student's way, why, the right way. */
  public String text(Finding f) {
    StringBuilder sb = new StringBuilder(headline(f));
    if (!f.alternatives().isEmpty()) {
      sb.append(' ').append(format("alternatives", f.alternatives().stream()
          .map(m -> m.title().text(locale)).collect(Collectors.joining("; "))));
    }
    if (!f.correct() && !f.shown().isEmpty()) {
      sb.append(' ').append(format("yourWay", equations(f.shown())));
    }
    why(f).ifPresent(w -> sb.append(' ').append(w));
    if (!f.right().isEmpty() && !f.correct()) {
      sb.append(' ').append(format("rightWay", equations(f.right())));
      if (f.answer().quantity().decimal()) {
        // the derivations end in bytes: say what they are in the unit asked for
        sb.append(' ').append(format("rightIn", Notation.TEXT.number(
            f.right().get(f.right().size() - 1).result()), f.expected().text(),
            f.answer().quantity() == Quantity.TOTAL_MIB ? "MiB" : "MB"));
      }
    } else if (!f.correct() && f.answer().isTotal()) {
      sb.append(' ').append(format("rightTotal", f.expected().text()));
    }
    return sb.toString();
  }

  /**
   * A verdict's wording as a pattern with {@code {0}}-style arguments, for the self-check page,
   * whose script fills it in as {@link #headline} does.
   */
  public String pattern(String key) {
    return bundle.getString(key);
  }

  /** A label: "Your way", "Right". */
  public String label(String key) {
    return bundle.getString("label." + key);
  }

  private static String equations(List<Derivation> ds) {
    return ds.stream().map(d -> d.equation(Notation.TEXT)).collect(Collectors.joining("; "));
  }

  private String format(String key, Object... args) {
    return Wording.format(bundle.getString(key)).format(args);
  }
}
