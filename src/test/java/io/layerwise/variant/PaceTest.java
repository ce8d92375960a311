package io.layerwise.variant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaceTest {

  /** 20 slow draws of 100 ms, then 20 of 10 ms: the pace is that of the latest 16, 10 ms. */
  @Test
  void thePaceIsThatOfTheLatestDrawsNotOfTheSlowStart() {
    Pace pace = new Pace(0);
    long t = 0;
    Pace.Now now = pace.at(t);
    for (int i = 0; i < 20; i++) {
      t += 100;
      now = pace.at(t);
    }
    assertThat(now.nanosPerDraw()).isEqualTo(100.0);
    for (int i = 0; i < 20; i++) {
      t += 10;
      now = pace.at(t);
    }
    assertThat(now.nanosPerDraw()).isEqualTo(10.0);
    assertThat(now.nanos()).isEqualTo(2_200);
  }

  @Test
  void beforeSixteenDrawsThePaceIsSinceTheStart() {
    Pace pace = new Pace(1_000);
    pace.at(1_000);
    pace.at(1_030);
    assertThat(pace.at(1_060).nanosPerDraw()).isEqualTo(20.0); // 60 over 3 intervals
  }
}
