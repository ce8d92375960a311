package io.layerwise.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutlookTest {

  @Test
  void noneValidIsBoundedByTheRuleOfThree() {
    assertThat(new Outlook(100, 0, 30, 900).upperRate()).isEqualTo(0.03);
    // 3/100 of 900 draws left is 27 < 30: out of reach; of 1,000 it is 30: drawn on
    assertThat(new Outlook(100, 0, 30, 900).hopeless()).isTrue();
    assertThat(new Outlook(100, 0, 30, 1_000).hopeless()).isFalse();
  }

  /** The bound lies above the exact one-sided 95 % Poisson bound, so it errs towards drawing. */
  @ParameterizedTest
  @CsvSource({"0, 2.996", "1, 4.744", "2, 6.296", "5, 10.513", "10, 16.962", "50, 63.287",
      "100, 118.08"})
  void theBoundIsAboveTheExactPoissonBound(long valid, double exact) {
    assertThat(new Outlook(1_000_000, valid, 1, 0).upperRate() * 1_000_000)
        .isGreaterThanOrEqualTo(exact);
  }

  @ParameterizedTest(name = "{1} valid of {0} draws, {2} wanted, {3} left")
  @CsvSource({
      "9, 0, 1000, 0",       // too few draws to say anything
      "100, 5, 30, 900",     // 5 % valid: 45 expected from what is left
      "100, 1, 30, 3000",    // 1 %: 30 expected, the bound says more
      "50, 30, 30, 0",       // enough found
      "200, 20, 30, 150"})   // 10 %: 15 more expected of 150, 10 needed
  void feasibleSpacesAreNotRefused(long draws, long valid, long count, long left) {
    assertThat(new Outlook(draws, valid, count, left).hopeless()).isFalse();
  }

  @ParameterizedTest(name = "{1} valid of {0} draws, {2} wanted, {3} left")
  @CsvSource({"10, 0, 200, 400", "175, 0, 200, 11650", "1000, 1, 30, 2000", "500, 0, 5, 0"})
  void hopelessSpacesAre(long draws, long valid, long count, long left) {
    assertThat(new Outlook(draws, valid, count, left).hopeless()).isTrue();
  }

  @Test
  void drawsLeftAreTheLimitsOrWhatTheTimeLeftTakesAtTheLatestPaceWithAMargin() {
    // 10 ms a draw, 59 s left: 5,900 draws, 8,850 with the margin, but only 2,400 more by count
    assertThat(Outlook.drawsLeft(100, 2_500, 1e7, 59_000_000_000L)).isEqualTo(2_400);
    assertThat(Outlook.drawsLeft(100, 100_000, 1e7, 59_000_000_000L)).isEqualTo(8_850);
    assertThat(Outlook.drawsLeft(0, 2_500, 0, 60_000_000_000L)).isEqualTo(2_500);
    assertThat(Outlook.drawsLeft(100, 2_500, 1e7, -5)).isZero();
  }

  @Test
  void theMessageGivesTheFiguresAndWhatToDo() {
    String m = new Outlook(120, 0, 200, 5_000).message(60, 1.9,
        Optional.of("k1=65: kernel 65 exceeds"));
    assertThat(m).isEqualTo("stopped after 120 draws (1.9 s): none made a valid network, so at"
        + " most 2.5 % of the draws are valid (95 % confidence, the rule of three: 3/120), and"
        + " the 5,000 draws the budget still allows (60 s) would find at most 125 of the 200"
        + " variants asked for; widen the choices in 'vary:' (e.g. k1=65: kernel 65 exceeds) or"
        + " lower --count");
    assertThat(new Outlook(1_000, 1, 30, 2_000).message(60, 20, Optional.empty()))
        .startsWith("stopped after 1,000 draws (20.0 s): 1 of them made a valid network, so at"
            + " most 0.70 % of the draws are valid (95 % confidence), and the 2,000 draws");
  }
}
