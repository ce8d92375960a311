package io.layerwise.render;

import io.layerwise.code.CodeNote;
import io.layerwise.code.FrameworkCode;
import io.layerwise.code.Program;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Notation;
import io.layerwise.model.Framework;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer sheet's "check it yourself" section: the Keras and the PyTorch program, what each
 * prints, and the notes, with notes of the same kind on many layers said once.
 */
final class CodeSection {

  /** Beyond this many layers with the same note, the rest are named, not repeated. */
  private static final int SHOWN = 2;

  private final List<SheetView.CodeBlock> blocks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  CodeSection(Analysis analysis, Words words, Locale locale) {
    FrameworkCode code = FrameworkCode.of(analysis);
    for (Framework fw : List.of(analysis.exercise().framework(), other(analysis))) {
      code.program(fw).ifPresent(p -> blocks.add(block(p, words)));
    }
    Map<String, List<CodeNote>> byKey = new LinkedHashMap<>();
    for (CodeNote n : code.notes()) {
      byKey.computeIfAbsent(n.framework() + "|" + n.key(), k -> new ArrayList<>()).add(n);
    }
    for (List<CodeNote> same : byKey.values()) {
      for (int i = 0; i < Math.min(SHOWN, same.size()); i++) {
        notes.add(AsciiDoc.text(same.get(i).text(locale)));
      }
      if (same.size() > SHOWN) {
        List<String> rest = same.subList(SHOWN, same.size()).stream().map(CodeNote::layer)
            .toList();
        notes.add(AsciiDoc.text(words.get("code.more", rest.size(), String.join(", ", rest))));
      }
    }
  }

  private static Framework other(Analysis a) {
    return switch (a.exercise().framework()) {
      case KERAS -> Framework.PYTORCH;
      case PYTORCH -> Framework.KERAS;
    };
  }

  private static SheetView.CodeBlock block(Program p, Words words) {
    String framework = words.get("framework." + p.framework().id());
    String delimiter = "----";
    while (p.source().lines().anyMatch(delimiter::equals)) {
      delimiter += "-";
    }
    String counts = words.get("code.counts." + p.framework().id(),
        Notation.TEXT.number(p.params()), Notation.TEXT.number(p.trainable()),
        Notation.TEXT.number(p.nonTrainable()));
    return new SheetView.CodeBlock(AsciiDoc.text(words.get("code.title", framework)), delimiter,
        p.source().stripTrailing().replaceAll("\n{3,}", "\n\n"), AsciiDoc.text(counts));
  }

  List<SheetView.CodeBlock> blocks() {
    return List.copyOf(blocks);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }
}
