package io.layerwise.code;

import io.layerwise.engine.Analysis;
import io.layerwise.model.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Keras and the PyTorch program that build an exercise's network, so that a student can print
 * {@code model.summary()} or count {@code parameters()} and find the sheet's numbers, with the
 * notes a sheet prints beside them. A program is left out, never approximated, when its
 * framework has no exact equivalent of some layer; the notes say which and why. Where both
 * frameworks build a layer but count it differently, a note gives the other framework's count.
 *
 * <p>Pure and cheap: the other framework's counts come from the analysis, layer by layer.
 *
 * @param keras the Keras program, if Keras can build the network
 * @param pytorch the PyTorch program, if PyTorch can build the network
 * @param notes per layer in file order: missing equivalents, counting differences, rewritings
 */
public record FrameworkCode(Optional<Program> keras, Optional<Program> pytorch,
    List<CodeNote> notes) {

  public FrameworkCode {
    notes = List.copyOf(notes);
  }

  /** Both programs and their notes for an analysed exercise. */
  public static FrameworkCode of(Analysis analysis) {
    Plan<KerasStep> keras = Plan.of(analysis, Framework.KERAS, KerasLayers::new);
    Plan<TorchStep> torch = Plan.of(analysis, Framework.PYTORCH, TorchLayers::new);
    Framework source = analysis.exercise().framework();
    Framework other = switch (source) {
      case KERAS -> Framework.PYTORCH;
      case PYTORCH -> Framework.KERAS;
    };
    List<CodeNote> notes = new ArrayList<>();
    for (int i = 0; i < analysis.layers().size(); i++) {
      Plan.Entry<KerasStep> k = keras.entries.get(i);
      Plan.Entry<TorchStep> t = torch.entries.get(i);
      notes.addAll(k.ctx().notes());
      notes.addAll(t.ctx().notes());
      if (k.step().isPresent() && t.step().isPresent() && k.params() != t.params()) {
        notes.add(CodeNote.of(other, k.ctx().name(), CodeNote.Kind.COUNTS_DIFFER,
            t.ctx().countsKey(), k.params(), k.nonTrainable(), t.params(),
            Math.abs(k.params() - t.params())));
      }
    }
    Optional<Program> kerasProgram = keras.complete()
        ? Optional.of(new Program(Framework.KERAS, KerasProgram.write(keras), keras.params(),
            keras.trainable()))
        : Optional.empty();
    Optional<Program> torchProgram = torch.complete()
        ? Optional.of(new Program(Framework.PYTORCH, TorchProgram.write(torch), torch.params(),
            torch.trainable()))
        : Optional.empty();
    return new FrameworkCode(kerasProgram, torchProgram, notes);
  }

  /** The program of one framework, if it can build the network. */
  public Optional<Program> program(Framework framework) {
    return switch (framework) {
      case KERAS -> keras;
      case PYTORCH -> pytorch;
    };
  }

  /** The notes of one kind. */
  public List<CodeNote> notes(CodeNote.Kind kind) {
    return notes.stream().filter(n -> n.kind() == kind).toList();
  }
}
