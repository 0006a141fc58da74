package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxgap.common.SparkTestBase;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.monitor.Initiative;
import io.cxgap.common.monitor.InitiativeCheck;
import io.cxgap.common.monitor.Initiatives;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default sample (2,000 customers, 180 days to 2026-10-31) plants a working and a failing
 * initiative: generate writes their initiatives.conf, which loads against the repository's catalog,
 * and gold.initiative_check on the sample's files (read here as conform reads them: the landing
 * rules, items normalised to 0..100, the CRM as of the end date) gives the working one on_track or
 * achieved and the failing one behind or missed. Window 90 days, min-respondents 5 (the defaults).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedInitiativesTest extends SparkTestBase {
  static final LocalDate END = GeneratorOptions.DEFAULT_END_DATE;
  static final List<String> DIMS = List.of("segment", "region", "tier");

  @TempDir static Path root;
  JsonNode truth;
  List<Initiative> initiatives;
  Map<String, Row> rows = new HashMap<>();

  @BeforeAll
  void generateAndCheck() throws IOException {
    SampleGenerator.generate(GeneratorOptions.defaults(root));
    truth = Landing.JSON.readTree(root.resolve("truth.json").toFile());
    initiatives =
        Initiatives.load(
            root.resolve(SampleGenerator.INITIATIVES),
            TouchpointCatalog.load(ConfCatalog.file()),
            DIMS);
    Landing landing = Landing.read(root);
    ConfCatalog catalog = ConfCatalog.load();
    OffsetDateTime endOfDay = END.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    Map<String, Landing.Row> asOfEnd = new HashMap<>();
    Map<String, OffsetDateTime> asOfEndAt = new HashMap<>();
    for (Landing.Row r : landing.customers) {
      if (LandingRules.customer(r) != null) {
        continue;
      }
      OffsetDateTime at = LandingRules.instant(r.get("updated_at"));
      String id = r.get("customer_id");
      if (at.isBefore(endOfDay) && (!asOfEndAt.containsKey(id) || asOfEndAt.get(id).isBefore(at))) {
        asOfEnd.put(id, r);
        asOfEndAt.put(id, at);
      }
    }
    List<Row> crm = new ArrayList<>();
    asOfEnd.forEach(
        (id, r) ->
            crm.add(RowFactory.create(id, r.get("segment"), r.get("region"), r.get("tier"))));
    List<Row> items = new ArrayList<>();
    for (Landing.Row r : landing.surveys) {
      if (LandingRules.survey(r, asOfEnd.keySet(), catalog) != null) {
        continue;
      }
      double min = r.get("scale_min") == null ? 1 : Double.parseDouble(r.get("scale_min"));
      double max = r.get("scale_max") == null ? 7 : Double.parseDouble(r.get("scale_max"));
      double gap =
          100
              * (Double.parseDouble(r.get("experience")) - Double.parseDouble(r.get("expectation")))
              / (max - min);
      LocalDate day =
          LandingRules.instant(r.get("responded_at"))
              .atZoneSameInstant(ZoneOffset.UTC)
              .toLocalDate();
      items.add(
          RowFactory.create(
              r.get("customer_id"), catalog.resolve(r.get("touchpoint")), Date.valueOf(day), gap));
    }
    StructType itemSchema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("touchpoint", DataTypes.StringType)
            .add("response_date", DataTypes.DateType)
            .add("gap", DataTypes.DoubleType);
    StructType crmSchema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("tier", DataTypes.StringType);
    for (Row r :
        InitiativeCheck.check(
                spark().createDataFrame(items, itemSchema),
                spark().createDataFrame(crm, crmSchema),
                initiatives,
                90,
                5,
                END)
            .collectAsList()) {
      rows.put(r.getAs("initiative_id"), r);
    }
  }

  @Test
  void initiativesConf_declaresWhatTruthRecords() {
    JsonNode planted = truth.get("initiatives");
    assertThat(initiatives).hasSize(planted.size());
    for (int k = 0; k < planted.size(); k++) {
      JsonNode t = planted.get(k);
      Initiative i = initiatives.get(k);
      assertThat(i.id()).isEqualTo(t.get("id").asText());
      assertThat(i.touchpoint()).isEqualTo(t.get("touchpoint").asText());
      assertThat(i.segmentValue()).isEqualTo(t.get("segment_value").asText());
      assertThat(i.started()).isEqualTo(LocalDate.parse(t.get("started").asText()));
      assertThat(i.due()).isAfter(END);
      assertThat(i.expectedChange()).isEqualTo(t.get("expected_change").asDouble());
    }
  }

  @Test
  void workingInitiative_isOnTrackOrAchieved_andItsChangeIsItsOwn() {
    Row r = rows.get("chat-handover");
    assertThat(r.<String>getAs("status")).as(r.toString()).isIn("on_track", "achieved");
    // +15 planted before the clamp at 100: about +8 to +9 observed, the other touchpoints flat
    assertThat(r.<Double>getAs("observed_change")).as(r.toString()).isBetween(5.0, 15.0);
    assertThat(r.<Double>getAs("control_change")).as(r.toString()).isBetween(-2.0, 2.0);
    assertThat(r.<Double>getAs("did_ci95_low")).as(r.toString()).isGreaterThan(0.0);
  }

  @Test
  void failingInitiative_isBehindOrMissed_withAnIntervalAroundNoChange() {
    Row r = rows.get("callback-promise");
    assertThat(r.<String>getAs("status")).as(r.toString()).isIn("behind", "missed");
    assertThat(r.<Double>getAs("observed_ci95_low")).as(r.toString()).isLessThan(0.0);
    assertThat(r.<Double>getAs("observed_ci95_high")).as(r.toString()).isGreaterThan(0.0);
  }
}
