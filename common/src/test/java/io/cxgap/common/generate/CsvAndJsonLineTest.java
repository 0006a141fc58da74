package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cxgap.common.generate.files.CsvWriter;
import io.cxgap.common.generate.files.JsonLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvAndJsonLineTest {

  @Test
  void csvLine_quotesCommasQuotesNewlinesAndPadding_only() {
    String line = CsvWriter.line("plain", "a,b", "say \"hi\"", null, " pad ", "two\nlines", 7);
    assertThat(line).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",,\" pad \",\"two\nlines\",7\n");
  }

  @Test
  void csvLine_readsBackThroughAStrictRfc4180Reader() {
    String line = CsvWriter.line("O'Brien, \"Bob\"", "", "x\ny, z");
    List<Rfc4180.Record> records = Rfc4180.parse(line);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).fields()).containsExactly("O'Brien, \"Bob\"", "", "x\ny, z");
    assertThat(records.get(0).lines()).isEqualTo(2);
  }

  @Test
  void jsonLine_writesIntegersAsNumbersAndNullAsNull() throws JsonProcessingException {
    String json = JsonLine.render(List.of("a", "b", "c"), new Object[] {"x\n\"y\"", 5, null});
    assertThat(json).isEqualTo("{\"a\":\"x\\n\\\"y\\\"\",\"b\":5,\"c\":null}");
    JsonNode n = Landing.JSON.readTree(json);
    assertThat(n.get("b").isInt()).isTrue();
  }

  @Test
  void truncatedJsonLine_neverParses() {
    String json = JsonLine.render(List.of("event_id", "wait_s"), new Object[] {"E000001-0001", 12});
    for (int seed = -50; seed < 50; seed++) {
      String cut = JsonLine.truncate(json, seed);
      assertThat(cut.length()).isBetween(json.length() / 2, json.length() - 1);
      assertThatThrownBy(() -> Landing.JSON.readTree(cut))
          .as(cut)
          .isInstanceOf(JsonProcessingException.class);
    }
  }
}
