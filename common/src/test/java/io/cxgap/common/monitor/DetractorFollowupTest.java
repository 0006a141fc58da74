package io.cxgap.common.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gold.detractor_followup on a tiny frame, D = 2026-10-31, 7 follow-up days (10-25..10-31), cut by
 * segment, region and tier. Each expected row worked out by hand below.
 *
 * <ul>
 *   <li>R1 (C1, 10-30, nps 3): billing −40, web −10, helpdesk_phone −40: worst billing (tie with
 *       helpdesk_phone, lower id); a phone number in the comment, on every item.
 *   <li>R2 (C2, 10-25, items 6 and 7: mean 6.5): not a detractor.
 *   <li>R3 (C2, 10-26, nps 6: a detractor): web +5, app +10: worst web (no negative gap); one item
 *       has no comment, the other an e-mail address; C2 is not clustered.
 *   <li>R4 (C3, 10-24): a day before the window. R5 (C4, D, nps 9): a promoter. R7 (C1, 11-01):
 *       after D. R8 (C6): no overall_nps.
 *   <li>R6 (C5, D, nps 2): billing −20, blank comment; C5 is not in the CRM as of D: unknown; its
 *       cluster on D is 3 (on D − 1 it was 1: not used).
 *   <li>R9 (C1, 10-27, nps 4): onboarding −25 on two items with different comments.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetractorFollowupTest extends SparkTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);
  static final List<String> DIMS = List.of("segment", "region", "tier");
  final List<Object[]> items = new ArrayList<>();
  List<Row> rows;

  private void item(
      String response, String customer, String at, String tp, double gap, Double nps, String c) {
    items.add(
        new Object[] {
          response,
          customer,
          Timestamp.valueOf(at),
          Date.valueOf(at.substring(0, 10)),
          tp,
          gap,
          nps,
          c
        });
  }

  @BeforeAll
  void compute() {
    String call = "Call me on +44 20 7946 0958 about order 12345";
    item("R1", "C1", "2026-10-30 09:15:00", "billing", -40.0, 3.0, call);
    item("R1", "C1", "2026-10-30 09:15:00", "web", -10.0, 3.0, call);
    item("R1", "C1", "2026-10-30 09:15:00", "helpdesk_phone", -40.0, 3.0, call);
    item("R2", "C2", "2026-10-25 00:00:00", "billing", -50.0, 6.0, null);
    item("R2", "C2", "2026-10-25 00:00:00", "web", -50.0, 7.0, null);
    item("R3", "C2", "2026-10-26 12:00:00", "web", 5.0, 6.0, null);
    item("R3", "C2", "2026-10-26 12:00:00", "app", 10.0, 6.0, "mail jo@example.com");
    item("R4", "C3", "2026-10-24 23:59:00", "billing", -30.0, 0.0, null);
    item("R5", "C4", "2026-10-31 23:00:00", "billing", -30.0, 9.0, null);
    item("R6", "C5", "2026-10-31 08:00:00", "billing", -20.0, 2.0, " ");
    item("R7", "C1", "2026-11-01 01:00:00", "billing", -30.0, 0.0, null);
    item("R8", "C6", "2026-10-28 10:00:00", "billing", -30.0, null, null);
    item("R9", "C1", "2026-10-27 10:00:00", "onboarding", -25.0, 4.0, "slow");
    item("R9", "C1", "2026-10-27 10:00:00", "onboarding", -25.0, 4.0, "rude agent");
    StructType itemSchema =
        new StructType()
            .add("response_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("responded_at", DataTypes.TimestampType)
            .add("response_date", DataTypes.DateType)
            .add("touchpoint", DataTypes.StringType)
            .add("gap", DataTypes.DoubleType)
            .add("overall_nps", DataTypes.DoubleType)
            .add("comment", DataTypes.StringType);
    StructType crmSchema =
        new StructType()
            .add("as_of_date", DataTypes.DateType)
            .add("customer_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("tier", DataTypes.StringType);
    Date d = Date.valueOf(D);
    List<Row> crm =
        List.of(
            RowFactory.create(d, "C1", "Enterprise", "South", "Gold"),
            RowFactory.create(d, "C2", "SMB", "North", "Silver"),
            RowFactory.create(d, "C3", "SMB", "North", "Silver"),
            RowFactory.create(d, "C4", "SMB", "North", "Silver"));
    StructType clusterSchema =
        new StructType()
            .add("as_of_date", DataTypes.DateType)
            .add("customer_id", DataTypes.StringType)
            .add("cluster_id", DataTypes.IntegerType)
            .add("cluster_label", DataTypes.StringType)
            .add("distance", DataTypes.DoubleType);
    List<Row> clusters =
        List.of(
            RowFactory.create(d, "C1", 2, "billing + support_call", 0.1),
            RowFactory.create(d, "C5", 3, "billing", 0.2),
            RowFactory.create(Date.valueOf(D.minusDays(1)), "C5", 1, "no pain", 0.3));
    List<Row> itemRows = new ArrayList<>();
    items.forEach(i -> itemRows.add(RowFactory.create(i)));
    rows =
        DetractorFollowup.followups(
                spark().createDataFrame(itemRows, itemSchema),
                spark().createDataFrame(crm, crmSchema),
                spark().createDataFrame(clusters, clusterSchema),
                DIMS,
                D,
                7)
            .collectAsList();
  }

  private static List<Object> values(Row r) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < r.length(); i++) {
      out.add(r.get(i));
    }
    return out;
  }

  @Test
  void columns_areTheTablesColumns_withOneColumnPerSegmentDimension_andNoPii() {
    List<String> names = Arrays.asList(rows.get(0).schema().fieldNames());
    assertThat(names).containsExactlyElementsOf(AlertColumns.detractorFollowup(DIMS));
    assertThat(names)
        .containsExactly(
            "as_of_date",
            "response_id",
            "customer_id",
            "responded_at",
            "nps",
            "segment",
            "region",
            "tier",
            "worst_touchpoint",
            "worst_gap",
            "cluster_id",
            "cluster_label",
            "comment")
        .doesNotContain("full_name", "email", "phone");
  }

  @Test
  void detractorsOfTheLastDays_inResponseOrder_withWorstItemClusterAndMaskedComment() {
    Date d = Date.valueOf(D);
    assertThat(rows)
        .map(DetractorFollowupTest::values)
        .containsExactly(
            Arrays.asList(
                d,
                "R3",
                "C2",
                Timestamp.valueOf("2026-10-26 12:00:00"),
                6.0,
                "SMB",
                "North",
                "Silver",
                "web",
                5.0,
                null,
                null,
                "mail [email]"),
            Arrays.asList(
                d,
                "R9",
                "C1",
                Timestamp.valueOf("2026-10-27 10:00:00"),
                4.0,
                "Enterprise",
                "South",
                "Gold",
                "onboarding",
                -25.0,
                2,
                "billing + support_call",
                "rude agent | slow"),
            Arrays.asList(
                d,
                "R1",
                "C1",
                Timestamp.valueOf("2026-10-30 09:15:00"),
                3.0,
                "Enterprise",
                "South",
                "Gold",
                "billing",
                -40.0,
                2,
                "billing + support_call",
                "Call me on [phone] about order 12345"),
            Arrays.asList(
                d,
                "R6",
                "C5",
                Timestamp.valueOf("2026-10-31 08:00:00"),
                2.0,
                "unknown",
                "unknown",
                "unknown",
                "billing",
                -20.0,
                3,
                "billing",
                null));
  }
}
