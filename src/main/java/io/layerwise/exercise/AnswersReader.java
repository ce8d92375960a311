package io.layerwise.exercise;

import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.model.AnswerText;
import io.layerwise.model.Answers;
import io.layerwise.model.Exercise;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Spelling;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a student's answers file against the exercise it answers:
 *
 * <pre>
 * layers:
 *   conv1: {output_shape: [28, 28, 8], params: 208}
 *   "6": {params: 10081}          # a layer by its 1-based position
 * total: {params: 62958}
 * memory: {activation_bytes: 60348320, total_bytes: 614380608, total_mib: 585.92}
 * </pre>
 *
 * Layers are named as in the exercise or by position; numbers may carry thousands separators and
 * shapes may be written {@code 28x28x8}. Every problem is reported with its place, and with the
 * nearest layer name or quantity where there is one.
 */
public final class AnswersReader {

  /** What a layer's answers may give. */
  public static final List<Quantity> LAYER_QUANTITIES = List.of(Quantity.OUTPUT_SHAPE,
      Quantity.ACTIVATIONS, Quantity.WEIGHTS, Quantity.BIASES, Quantity.PARAMS,
      Quantity.TRAINABLE_PARAMS, Quantity.NON_TRAINABLE_PARAMS, Quantity.MACS);

  /** What the totals may give. */
  public static final List<Quantity> TOTAL_QUANTITIES = List.of(Quantity.ACTIVATIONS,
      Quantity.WEIGHTS, Quantity.BIASES, Quantity.PARAMS, Quantity.TRAINABLE_PARAMS,
      Quantity.NON_TRAINABLE_PARAMS, Quantity.MACS);

  /** What a layer's answers may give besides, when the exercise has {@code training:}. */
  public static final List<Quantity> LAYER_MEMORY = Quantity.LAYER_MEMORY;

  /** What {@code memory:} may give, as {@code explain}'s {@code memory.total} names it. */
  public static final List<Quantity> MEMORY_TOTALS = Quantity.MEMORY_TOTALS;

  private final Problems problems = new Problems();
  private final Exercise exercise;

  private AnswersReader(Exercise exercise) {
    this.exercise = exercise;
  }

  /**
   * Reads the answers.
   *
   * @param file the path as the user gave it, for messages
   * @param text the file's content
   * @param exercise the exercise answered, whose layer names the file uses
   * @throws ExerciseException with every problem found, in file order
   */
  public static Answers read(String file, String text, Exercise exercise)
      throws ExerciseException {
    return new AnswersReader(exercise).read(file, text);
  }

  private Answers read(String file, String text) throws ExerciseException {
    Node root = YamlTree.parse(file, text);
    if (!(root instanceof Node.MapNode map)) {
      throw new ExerciseException(List.of(Diagnostic.error(root.location(),
          "an answers file is a mapping with 'layers' and 'total', but this file holds "
              + root.describe())));
    }
    Fields top = new Fields(map, problems, "", Optional.empty());
    top.ignore("exercise", "student");
    List<Answers.Answer> answers = new ArrayList<>();
    top.get("layers").ifPresent(n -> layers(n, answers));
    top.get("total").ifPresent(n -> total(n, answers));
    top.get("memory").ifPresent(n -> {
      if (exercise.training().isEmpty()) {
        problems.error(n.location(), "'memory' answers the memory of a training step, but the"
            + " exercise has no 'training:' section");
      } else {
        quantities(n, Answers.TOTAL, MEMORY_TOTALS, answers);
      }
    });
    top.finish("an answers file");
    if (!problems.any() && answers.isEmpty()) {
      problems.error(map.location(), "the answers file gives no answers: add 'layers:' with"
          + " answers per layer, or 'total:'");
    }
    if (problems.any()) {
      throw new ExerciseException(problems.sorted());
    }
    return new Answers(answers);
  }

  private void layers(Node n, List<Answers.Answer> answers) {
    if (!(n instanceof Node.MapNode map)) {
      problems.error(n.location(), "'layers' maps layer names (or 1-based positions) to their"
          + " answers, not " + n.describe());
      return;
    }
    List<String> names = exercise.network().layers().stream().map(LayerNode::name).toList();
    List<String> seen = new ArrayList<>();
    for (Node.Entry e : map.entries()) {
      if (seen.contains(e.key())) {
        problems.error(e.keyLocation(), "layer '" + e.key() + "' is answered twice");
        continue;
      }
      seen.add(e.key());
      // A position and a name may designate the same layer: both answers are judged, and a
      // number meant for another row is diagnosed as such.
      List<Quantity> allowed = new ArrayList<>(LAYER_QUANTITIES);
      if (exercise.training().isPresent()) {
        allowed.addAll(LAYER_MEMORY);
      }
      resolve(e.key(), names, e.keyLocation())
          .ifPresent(layer -> quantities(e.value(), layer, allowed, answers));
    }
  }

  private Optional<String> resolve(String key, List<String> names, Location at) {
    if (names.contains(key)) {
      return Optional.of(key);
    }
    List<String> sameLetters = names.stream().filter(n -> n.equalsIgnoreCase(key)).toList();
    if (sameLetters.size() == 1) {
      return Optional.of(sameLetters.get(0));
    }
    if (key.matches("\\d{1,9}")) {
      int position = Integer.parseInt(key);
      if (position >= 1 && position <= names.size()) {
        return Optional.of(names.get(position - 1));
      }
      problems.error(at, "there is no layer " + position + ": the exercise has " + names.size()
          + " layers, numbered from 1");
      return Optional.empty();
    }
    String hint = Spelling.closest(key, names).map(s -> "; did you mean '" + s + "'?")
        .orElse("; its layers are " + String.join(", ", names.subList(0,
            Math.min(names.size(), 12))) + (names.size() > 12 ? ", …" : ""));
    problems.error(at, "unknown layer '" + key + "'" + hint);
    return Optional.empty();
  }

  private void total(Node n, List<Answers.Answer> answers) {
    if (n instanceof Node.Scalar) {
      value(n, Answers.TOTAL, Quantity.PARAMS).ifPresent(answers::add);
      return;
    }
    quantities(n, Answers.TOTAL, TOTAL_QUANTITIES, answers);
  }

  private void quantities(Node n, String layer, List<Quantity> allowed,
      List<Answers.Answer> answers) {
    String where = layer.equals(Answers.TOTAL) ? "the total" : "layer '" + layer + "'";
    if (!(n instanceof Node.MapNode map)) {
      problems.error(n.location(), "the answers for " + where + " are a mapping such as"
          + " {params: 608}, not " + n.describe());
      return;
    }
    List<String> ids = allowed.stream().map(Quantity::id).toList();
    List<String> seen = new ArrayList<>();
    for (Node.Entry e : map.entries()) {
      Optional<Quantity> q = Quantity.byId(e.key()).filter(allowed::contains);
      if (q.isEmpty() && Quantity.byId(e.key()).filter(Quantity::memory).isPresent()
          && exercise.training().isEmpty()) {
        problems.error(e.keyLocation(), "'" + e.key() + "' is a memory quantity, but the"
            + " exercise has no 'training:' section");
        continue;
      }
      if (q.isEmpty()) {
        String hint = Spelling.closest(e.key(), ids).map(s -> "; did you mean '" + s + "'?")
            .orElse("; give one of " + String.join(", ", ids));
        problems.error(e.keyLocation(), "unknown quantity '" + e.key() + "' for " + where + hint);
        continue;
      }
      if (seen.contains(e.key())) {
        problems.error(e.keyLocation(), "duplicate key '" + e.key() + "' for " + where);
        continue;
      }
      seen.add(e.key());
      value(e.value(), layer, q.get()).ifPresent(answers::add);
    }
  }

  /** The value of one answer; empty when it is left blank or cannot be read (then reported). */
  private Optional<Answers.Answer> value(Node n, String layer, Quantity q) {
    String where = layer.equals(Answers.TOTAL) ? "the total" : "layer '" + layer + "'";
    if (n instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
      return Optional.empty();
    }
    if (q == Quantity.OUTPUT_SHAPE) {
      Optional<List<Long>> dims = Optional.empty();
      String written;
      if (n instanceof Node.ListNode list) {
        List<String> parts = new ArrayList<>();
        for (Node item : list.items()) {
          parts.add(item instanceof Node.Scalar sc && sc.kind() != Node.Kind.NULL ? sc.text()
              : "None");
        }
        written = "[" + String.join(", ", parts) + "]";
        dims = AnswerText.dims(String.join(",", parts));
      } else {
        written = n instanceof Node.Scalar sc ? sc.text() : n.describe();
        dims = n instanceof Node.Scalar sc ? AnswerText.dims(sc.text()) : Optional.empty();
      }
      if (dims.isEmpty()) {
        problems.error(n.location(), "output_shape of " + where + " must be a shape such as"
            + " [28, 28, 8] or 28x28x8, not " + n.describe());
        return Optional.empty();
      }
      if (dims.get().stream().anyMatch(d -> d <= 0)) {
        problems.error(n.location(), "output_shape of " + where + " has a size that is not"
            + " positive: " + written);
        return Optional.empty();
      }
      return Optional.of(new Answers.Answer(layer, q, Value.of(new Shape(dims.get())), written));
    }
    if (!(n instanceof Node.Scalar s)) {
      problems.error(n.location(), q.id() + " of " + where + " must be a number, not "
          + n.describe());
      return Optional.empty();
    }
    if (q.decimal()) {
      Optional<Long> hundredths = AnswerText.hundredths(s.text());
      if (hundredths.isEmpty()) {
        problems.error(n.location(), q.id() + " of " + where + " must be a number such as"
            + " 585.92, not " + n.describe());
        return Optional.empty();
      }
      return Optional.of(new Answers.Answer(layer, q, new Value.Decimal(hundredths.get()),
          s.text()));
    }
    Optional<Long> count = AnswerText.count(s.text());
    if (count.isEmpty()) {
      problems.error(n.location(), q.id() + " of " + where + " must be a whole number such as"
          + " 48120 or 48,120, not " + n.describe());
      return Optional.empty();
    }
    return Optional.of(new Answers.Answer(layer, q, Value.of(count.get()), s.text()));
  }
}
