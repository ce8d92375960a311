package io.layerwise.render;

import io.layerwise.check.CheckResult;
import io.layerwise.check.Feedback;
import io.layerwise.check.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a self-check into the view the feedback template prints: every string finished and
 * escaped, every derivation a formula image (the student's way and the right way).
 */
final class FeedbackBuilder {

  private final CheckResult result;
  private final Locale locale;
  private final FormulaSteps steps;

  FeedbackBuilder(CheckResult result, Locale locale) {
    this.result = result;
    this.locale = locale;
    this.steps = new FormulaSteps(locale);
  }

  FeedbackView build() {
    Feedback words = new Feedback(locale, result.exercise());
    List<FeedbackView.Item> items = new ArrayList<>();
    for (Finding f : result.findings()) {
      List<SheetView.Step> yours = new ArrayList<>();
      if (!f.correct()) {
        f.shown().forEach(d -> yours.add(steps.step(d)));
      }
      List<SheetView.Step> right = new ArrayList<>();
      f.right().forEach(d -> right.add(steps.step(d)));
      items.add(new FeedbackView.Item(
          AsciiDoc.text(f.layer()),
          AsciiDoc.text(f.answer().quantity().id()),
          AsciiDoc.text(f.answer().written()),
          f.correct(),
          AsciiDoc.text(words.headline(f)),
          f.mistake().map(m -> AsciiDoc.text(m.id())).orElse(""),
          yours,
          words.why(f).map(AsciiDoc::text).orElse(""),
          right,
          f.correct() ? "" : AsciiDoc.text(f.expected().text())));
    }
    return new FeedbackView(
        AsciiDoc.text(result.exercise().title()),
        result.carried() > 0
            ? AsciiDoc.text(new Words(locale).get("js.scoreCarried", result.correct(),
                result.total(), result.carried()))
            : result.correct() + " / " + result.total(),
        AsciiDoc.text(words.label("yourWay")),
        AsciiDoc.text(words.label("rightWay")),
        items);
  }
}
