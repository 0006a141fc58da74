package io.cxgap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The processor named in a benchmark's results, read from /proc/cpuinfo texts written here. */
class ProcessorTest {
  @Test
  void theFirstProcessor_isNamedWithFamilyModelAndClock() {
    String cpuinfo =
        """
        processor\t: 0
        vendor_id\t: AuthenticAMD
        cpu family\t: 25
        model\t\t: 1
        model name\t: AMD EPYC
        cpu MHz\t\t: 2445.432
        flags\t\t: fpu vme de

        processor\t: 1
        vendor_id\t: GenuineIntel
        cpu family\t: 6
        model\t\t: 106
        model name\t: Intel(R) Xeon(R)   Platinum 8375C
        cpu MHz\t\t: 2900.000
        """;

    assertThat(Processor.describe(cpuinfo)).hasValue("AMD EPYC (family 25, model 1, 2445 MHz)");
  }

  @Test
  void missingParts_areLeftOut_andNoModelName_isNothing() {
    assertThat(Processor.describe("processor : 0\nmodel name : Some  CPU\nmodel : 7\n"))
        .hasValue("Some CPU (model 7)");
    assertThat(Processor.describe("model name : Bare\ncpu MHz : fast\n")).hasValue("Bare");
    assertThat(Processor.describe("processor : 0\nBogoMIPS : 50.00\n")).isEmpty();
    assertThat(Processor.describe("")).isEmpty();
  }
}
