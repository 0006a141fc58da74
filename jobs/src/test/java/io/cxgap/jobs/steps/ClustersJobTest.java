package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.JobsTestBase;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Pain clusters on generated data with planted pain groups: the planted groups are recovered, ids
 * stay stable from night to night, a new group gets a new id, and a rerun reproduces its rows.
 *
 * <p>Dates: D1 = END-2 runs with the delivery group's survey answers removed from silver (three
 * groups), D2 = END-1 with them back (four groups), then END (the next day, data differing by a
 * day).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClustersJobTest extends JobsTestBase {
  static final LocalDate END = LocalDate.of(2026, 10, 31);
  static final LocalDate D1 = END.minusDays(2);
  static final LocalDate D2 = END.minusDays(1);
  static final List<String> GROUPS = List.of("billing_support", "digital", "delivery", "content");

  Path landing;
  Path warehouse;
  JsonNode truth;
  Map<String, String> groupOf = new HashMap<>();
  CxConfig config;
  TouchpointCatalog catalog;
  Map<LocalDate, StepResult> results = new HashMap<>();

  @BeforeAll
  void generateAndConform() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-clusters");
    landing = dir.resolve("landing");
    warehouse = dir.resolve("warehouse");
    SampleGenerator.generate(new GeneratorOptions(landing, 900, 120, END, 11, 0.02));
    truth = new ObjectMapper().readTree(landing.resolve("truth.json").toFile());
    truth
        .get("customer_group")
        .fields()
        .forEachRemaining(e -> groupOf.put(e.getKey(), e.getValue().asText()));
    // ingest + conform only: the clusters step is run by the tests themselves, date by date
    Outcome ingest = cli(withSets("ingest", "--date", END.toString()));
    assertThat(ingest.code()).as(ingest.toString()).isZero();
    for (LocalDate d : List.of(END, D1, D2)) {
      Outcome o = cli(withSets("conform", "--date", d.toString()));
      assertThat(o.code()).as(o.toString()).isZero();
    }
    List<String> sets =
        new ArrayList<>(
            List.of(
                "cx.landing=" + landing,
                "cx.warehouse=" + warehouse,
                "cx.catalog=" + repoCatalog(),
                "cx.clusters.k-max=6"));
    config = ConfigLoader.load(repoRoot(), null, sets);
    catalog = JobContext.loadCatalog(config);
  }

  private String[] withSets(String... base) {
    String[] a = args(landing, warehouse, repoCatalog(), base);
    String[] out = new String[a.length + 2];
    System.arraycopy(a, 0, out, 0, a.length);
    out[a.length] = "--set";
    out[a.length + 1] = "cx.clusters.k-max=6";
    return out;
  }

  private StepResult clusters(LocalDate d) {
    StepResult r = ClustersJob.run(new JobContext(config, catalog, spark(), d, "test-" + d));
    results.put(d, r);
    return r;
  }

  private Dataset<Row> gold(String table, LocalDate d) {
    return table(warehouse, "gold", table)
        .where(col("as_of_date").equalTo(lit(d.toString()).cast("date")));
  }

  /** customer_id → cluster_id on date d. */
  private Map<String, Integer> assignment(LocalDate d) {
    Map<String, Integer> m = new HashMap<>();
    for (Row r :
        gold("customer_pain_cluster", d).select("customer_id", "cluster_id").collectAsList()) {
      m.put(r.getString(0), r.getInt(1));
    }
    return m;
  }

  /** Planted group → the cluster id most of its customers are in on date d. */
  private Map<String, Integer> majorityCluster(Map<String, Integer> assignment) {
    Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
    assignment.forEach(
        (c, id) ->
            counts
                .computeIfAbsent(groupOf.get(c), g -> new HashMap<>())
                .merge(id, 1, Integer::sum));
    Map<String, Integer> out = new TreeMap<>();
    counts.forEach(
        (g, m) ->
            out.put(
                g, m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
    return out;
  }

  /** cluster_id → profile row on date d. */
  private Map<Integer, Row> profiles(LocalDate d) {
    Map<Integer, Row> m = new TreeMap<>();
    for (Row r : gold("pain_cluster_profile", d).collectAsList()) {
      m.put(r.getInt(r.fieldIndex("cluster_id")), r);
    }
    return m;
  }

  private List<String> painTouchpoints(String group) {
    List<String> out = new ArrayList<>();
    truth.at("/pain_groups/" + group + "/touchpoints").forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  @Order(1)
  void aNewPlantedGroup_getsANewId_andTheOthersKeepTheirs() {
    String items = warehouse.resolve("silver/survey_items").toString();
    DeltaTable table = DeltaTable.forPath(spark(), items);
    long before = table.history(1).select("version").head().getLong(0);
    List<Object> delivery = new ArrayList<>();
    groupOf.forEach(
        (c, g) -> {
          if (g.equals("delivery")) {
            delivery.add(c);
          }
        });
    table.delete(col("customer_id").isin(delivery.toArray()));
    try {
      clusters(D1);
    } finally {
      table.restoreToVersion(before);
    }
    clusters(D2);

    Map<String, Integer> day1 = majorityCluster(assignment(D1));
    Map<String, Integer> day2 = majorityCluster(assignment(D2));
    Map<Integer, Row> p1 = profiles(D1);
    Map<Integer, Row> p2 = profiles(D2);
    assertThat(p1.values().iterator().next().<Integer>getAs("k"))
        .as("k without the delivery group")
        .isEqualTo(3);
    assertThat(p2.values().iterator().next().<Integer>getAs("k")).as("k with it back").isEqualTo(4);
    assertThat(day1).doesNotContainKey("delivery");
    assertThat(new HashSet<>(day1.values())).as("three groups, three clusters on day 1").hasSize(3);
    for (String g : List.of("billing_support", "digital", "content")) {
      assertThat(day2.get(g)).as(g + " keeps its id from day 1 to day 2").isEqualTo(day1.get(g));
      assertThat(p2.get(day2.get(g)).<Object>getAs("match_distance"))
          .as(g + " match distance")
          .isNotNull();
    }
    int maxDay1 = p1.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(day2.get("delivery"))
        .as("the delivery group's new id: one above any id used before")
        .isEqualTo(maxDay1 + 1);
    assertThat(p2.get(day2.get("delivery")).<Object>getAs("match_distance"))
        .as("a new cluster has no match distance")
        .isNull();
    assertThat(results.get(D2).counts()).containsEntry("ids_kept", 3L).containsEntry("ids_new", 1L);
  }

  @Test
  @Order(2)
  void theNextDay_everyClusterKeepsItsId() {
    clusters(END);
    Map<String, Integer> d2 = majorityCluster(assignment(D2));
    Map<String, Integer> end = majorityCluster(assignment(END));
    assertThat(end).as("planted group → cluster id, END vs the day before").isEqualTo(d2);
    assertThat(profiles(END).keySet()).isEqualTo(profiles(D2).keySet());
    assertThat(results.get(END).counts())
        .containsEntry("ids_kept", 4L)
        .containsEntry("ids_new", 0L);
    for (Row r : profiles(END).values()) {
      assertThat(r.<Double>getAs("match_distance"))
          .as("distance to yesterday's centroid")
          .isLessThan(0.05);
    }
  }

  @Test
  @Order(3)
  void plantedGroups_areRecovered_withFourClusters_andReadableLabels() {
    Map<String, Integer> a = assignment(END);
    long respondents =
        table(warehouse, "silver", "survey_items")
            .where(
                col("response_date")
                    .between(
                        lit(END.minusDays(89).toString()).cast("date"),
                        lit(END.toString()).cast("date")))
            .select("customer_id")
            .distinct()
            .count();
    assertThat(a)
        .as("one row per customer with a response in the window")
        .hasSize((int) respondents);
    assertThat(gold("customer_pain_cluster", END).count()).isEqualTo(respondents);

    double ari = adjustedRandIndex(a);
    assertThat(ari)
        .as("adjusted Rand index, planted groups vs clusters")
        .isGreaterThanOrEqualTo(0.8);

    Map<Integer, Row> p = profiles(END);
    Row any = p.values().iterator().next();
    assertThat(any.<Integer>getAs("k")).isEqualTo(4);
    assertThat(p).hasSize(4);
    Map<Integer, Double> cand =
        new TreeMap<>(any.getJavaMap(any.fieldIndex("candidate_silhouettes")));
    assertThat(cand.keySet()).containsExactly(2, 3, 4, 5, 6);
    double best = cand.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(cand.get(4)).as("k = 4 has the highest silhouette of " + cand).isEqualTo(best);

    Map<String, Integer> major = majorityCluster(a);
    for (String g : GROUPS) {
      String label = p.get(major.get(g)).getAs("cluster_label");
      for (String tp : painTouchpoints(g)) {
        assertThat(label).as(g + "'s cluster label names " + tp).contains(tp);
      }
    }
    assertThat(p.get(major.get("content")).<String>getAs("cluster_label")).isEqualTo("no pain");

    long total = 0;
    double shares = 0;
    for (Row r : p.values()) {
      total += r.<Long>getAs("customers");
      shares += r.<Double>getAs("share");
    }
    assertThat(total).isEqualTo(respondents);
    assertThat(shares).isCloseTo(1.0, within(1e-9));
  }

  private double adjustedRandIndex(Map<String, Integer> assignment) {
    Map<String, Map<Integer, Long>> table = new HashMap<>();
    assignment.forEach(
        (c, id) ->
            table.computeIfAbsent(groupOf.get(c), g -> new HashMap<>()).merge(id, 1L, Long::sum));
    Map<Integer, Long> cols = new HashMap<>();
    double index = 0;
    double rows = 0;
    long n = 0;
    for (Map<Integer, Long> row : table.values()) {
      long a = 0;
      for (Map.Entry<Integer, Long> e : row.entrySet()) {
        index += pairs(e.getValue());
        cols.merge(e.getKey(), e.getValue(), Long::sum);
        a += e.getValue();
      }
      rows += pairs(a);
      n += a;
    }
    double colPairs = cols.values().stream().mapToDouble(ClustersJobTest::pairs).sum();
    double expected = rows * colPairs / pairs(n);
    double max = (rows + colPairs) / 2;
    return (index - expected) / (max - expected);
  }

  private static double pairs(long x) {
    return x * (x - 1) / 2.0;
  }

  @Test
  @Order(4)
  void aRerunOfD_reproducesItsRows_andLeavesOtherDatesAlone() {
    List<Row> customers = gold("customer_pain_cluster", END).collectAsList();
    List<Row> profiles = gold("pain_cluster_profile", END).collectAsList();
    List<Row> earlier = gold("pain_cluster_profile", D2).collectAsList();
    clusters(END);
    assertThat(gold("customer_pain_cluster", END).collectAsList())
        .containsExactlyInAnyOrderElementsOf(customers);
    assertThat(gold("pain_cluster_profile", END).collectAsList())
        .containsExactlyInAnyOrderElementsOf(profiles);
    assertThat(gold("pain_cluster_profile", D2).collectAsList())
        .containsExactlyInAnyOrderElementsOf(earlier);
    Set<LocalDate> dates = new HashSet<>();
    table(warehouse, "gold", "pain_cluster_profile")
        .select("as_of_date")
        .distinct()
        .collectAsList()
        .forEach(r -> dates.add(r.getDate(0).toLocalDate()));
    assertThat(dates).containsExactlyInAnyOrder(D1, D2, END);
  }
}
