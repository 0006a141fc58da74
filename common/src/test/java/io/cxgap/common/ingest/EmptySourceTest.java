package io.cxgap.common.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.ingest.EmptySource.Why;
import io.cxgap.common.landing.Source;
import org.junit.jupiter.api.Test;

/** The run log's words for a source without rows (DESIGN.md §4 "Survey-only programs"). */
class EmptySourceTest {
  @Test
  void why_isTheMissingFolder_thenNoFiles_thenFilesWithoutRows() {
    assertThat(EmptySource.why(false, 0)).isEqualTo(Why.NO_FOLDER);
    assertThat(EmptySource.why(true, 0)).isEqualTo(Why.NO_FILES);
    assertThat(EmptySource.why(true, 2)).isEqualTo(Why.NO_ROWS);
  }

  @Test
  void interactions_sayTheFrictionColumnsAreZeroAndNull_namingTheFolderAndWhy() {
    String f = "data/landing/interactions";
    assertThat(EmptySource.note(Source.INTERACTIONS, f, Why.NO_FOLDER, 0))
        .isEqualTo(
            "no interactions found in data/landing/interactions (no such folder): friction columns"
                + " are contacts = 0 and null rates");
    assertThat(EmptySource.note(Source.INTERACTIONS, f, Why.NO_FILES, 0))
        .contains("(the folder is empty)");
    assertThat(EmptySource.note(Source.INTERACTIONS, f, Why.NO_ROWS, 1))
        .contains("(no accepted row in its 1 file)");
    assertThat(EmptySource.note(Source.INTERACTIONS, f, Why.NO_ROWS, 2))
        .contains("(no accepted row in its 2 files)");
  }

  @Test
  void surveysAndCustomers_sayWhatTheirAbsenceMeans() {
    assertThat(EmptySource.note(Source.SURVEYS, "l/surveys", Why.NO_FILES, 0))
        .startsWith("no surveys found in l/surveys (the folder is empty): ")
        .contains("no rows");
    assertThat(EmptySource.note(Source.CUSTOMERS, "l/customers", Why.NO_FILES, 0))
        .contains("unknown_customer");
  }

  @Test
  void onlyInteractions_mayMissTheirFolder() {
    assertThat(Source.INTERACTIONS.optional()).isTrue();
    assertThat(Source.SURVEYS.optional()).isFalse();
    assertThat(Source.CUSTOMERS.optional()).isFalse();
  }
}
