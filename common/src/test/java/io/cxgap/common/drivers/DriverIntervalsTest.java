package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the driver bootstrap runs (DESIGN.md §5, uncertainty of driver importance). */
class DriverIntervalsTest {
  @Test
  void minCustomers_isTheLargerOfFiftyAndTenPerTouchpoint() {
    assertThat(DriverIntervals.minCustomers(3)).isEqualTo(50);
    assertThat(DriverIntervals.minCustomers(5)).isEqualTo(50);
    assertThat(DriverIntervals.minCustomers(10)).isEqualTo(100);
  }

  @Test
  void exactReplicates_stayWithinTwoToThe22SubsetFits() {
    // 200 · 2^(13 + 1) = 3,276,800 ≤ 4,194,304; 200 · 2^15 = 6,553,600 is not
    assertThat(DriverIntervals.exactAffordable(200, 13)).isTrue();
    assertThat(DriverIntervals.exactAffordable(200, 14)).isFalse();
    // 1,000 · 2^12 = 4,096,000
    assertThat(DriverIntervals.exactAffordable(1000, 11)).isTrue();
    assertThat(DriverIntervals.exactAffordable(1000, 12)).isFalse();
    assertThat(DriverIntervals.exactAffordable(1, 60)).as("no overflow").isFalse();
  }
}
