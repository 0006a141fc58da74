package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Performance smoke (not timed): 20k customers stream through without trouble. */
class GeneratorScaleTest {

  @Test
  void twentyThousandCustomers_generateWithPlausibleVolumes(@TempDir Path out) {
    GenerationSummary s =
        SampleGenerator.generate(GeneratorOptions.defaults(out).withCustomers(20_000));
    // per customer over 180 days: ~1.3 CRM rows; responses every 45 days x 4.5 items ≈ 18 item
    // rows (fewer for customers who sign up late); ~5 contacts per 90 days plus friction extras
    assertThat(s.rows().get("customers") / 20_000.0).isBetween(1.2, 1.45);
    assertThat(s.rows().get("surveys") / 20_000.0).isBetween(14.0, 20.0);
    assertThat(s.rows().get("interactions") / 20_000.0).isBetween(10.0, 16.0);
    // 2026-05-05..2026-10-31 spans 6 months: 4 customer files, 6 long, 6 JSON, 1 wide, 6
    // interactions
    assertThat(s.files()).isEqualTo(4 + 6 + 6 + 1 + 6);
    assertThat(s.truth()).exists().isEqualTo(out.resolve("truth.json"));
  }
}
