package io.cxgap.common.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.monitor.InitiativeColumns;
import org.junit.jupiter.api.Test;

class InitiativeDocsTest {
  @Test
  void everyColumn_isDocumented_inTableOrder() {
    GoldDocs.TableDoc doc = InitiativeDocs.doc();
    assertThat(doc.columns().keySet())
        .as("gold.initiative_check documented columns")
        .containsExactlyElementsOf(InitiativeColumns.INITIATIVE_CHECK);
    assertThat(doc.columns().values()).allMatch(c -> c.length() >= 10);
    assertThat(doc.comment()).contains("initiative");
  }
}
