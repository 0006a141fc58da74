package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
  private static final Path OUT = Path.of("landing");

  @Test
  void defaults_matchDesignSection3() {
    GeneratorOptions o = GeneratorOptions.defaults(OUT);
    assertThat(o.customers()).isEqualTo(2000);
    assertThat(o.days()).isEqualTo(180);
    assertThat(o.endDate()).isEqualTo(LocalDate.of(2026, 10, 31));
    assertThat(o.seed()).isEqualTo(42L);
    assertThat(o.messyRate()).isEqualTo(0.02);
  }

  @Test
  void startDate_isEndDateMinusDaysPlusOne() {
    // 2026-05-05 .. 2026-10-31: 27 + 30 + 31 + 31 + 30 + 31 = 180 days
    assertThat(GeneratorOptions.defaults(OUT).startDate()).isEqualTo(LocalDate.of(2026, 5, 5));
    assertThat(GeneratorOptions.defaults(OUT).withDays(1).startDate())
        .isEqualTo(LocalDate.of(2026, 10, 31));
  }

  @Test
  void rejectsCustomersBelowOne_namingTheValue() {
    assertThatThrownBy(() -> GeneratorOptions.defaults(OUT).withCustomers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--customers")
        .hasMessageContaining("got 0");
  }

  @Test
  void rejectsDaysBelowOne_namingTheValue() {
    assertThatThrownBy(() -> GeneratorOptions.defaults(OUT).withDays(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--days")
        .hasMessageContaining("got -3");
  }

  @Test
  void rejectsMessyRateOutsideZeroToHalf() {
    for (double bad : new double[] {-0.01, 0.5, 0.9, Double.NaN}) {
      assertThatThrownBy(() -> GeneratorOptions.defaults(OUT).withMessyRate(bad))
          .as("messy rate %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--messy-rate")
          .hasMessageContaining("got " + bad);
    }
    assertThat(GeneratorOptions.defaults(OUT).withMessyRate(0).messyRate()).isZero();
    assertThat(GeneratorOptions.defaults(OUT).withMessyRate(0.49).messyRate()).isEqualTo(0.49);
  }
}
