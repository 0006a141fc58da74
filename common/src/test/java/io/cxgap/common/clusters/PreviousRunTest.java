package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Profile rows on four dates: ids 1-2 on D-5, 1-3 on D-1, 1 and 4 on D, 5 on D+1. */
class PreviousRunTest extends SparkTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  private static Dataset<Row> profiles() {
    StructType s =
        new StructType()
            .add("as_of_date", DataTypes.DateType)
            .add("cluster_id", DataTypes.IntegerType)
            .add("centroid", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
    Object[][] rows = {
      {D.minusDays(5), 1},
      {D.minusDays(5), 2},
      {D.minusDays(1), 1},
      {D.minusDays(1), 2},
      {D.minusDays(1), 3},
      {D, 1},
      {D, 4},
      {D.plusDays(1), 5}
    };
    List<Row> out = new java.util.ArrayList<>();
    for (Object[] r : rows) {
      int id = (Integer) r[1];
      out.add(
          RowFactory.create(java.sql.Date.valueOf((LocalDate) r[0]), id, Map.of("a", id / 10.0)));
    }
    return spark().createDataFrame(out, s);
  }

  @Test
  void thePreviousRun_isTheLatestDateStrictlyBeforeD() {
    PreviousRun p = PreviousRun.before(profiles(), D);
    assertThat(p.date()).isEqualTo(D.minusDays(1));
    assertThat(p.clusters()).extracting(ClusterMatcher.Previous::id).containsExactly(1, 2, 3);
    assertThat(p.clusters().get(2).centroid()).isEqualTo(Map.of("a", 0.3));
    assertThat(p.maxIdUsed()).as("ids of D itself and of later dates do not count").isEqualTo(3);
  }

  @Test
  void withoutAnEarlierRun_thereIsNone() {
    assertThat(PreviousRun.before(profiles(), D.minusDays(5))).isEqualTo(PreviousRun.NONE);
    assertThat(PreviousRun.before(null, D)).isEqualTo(PreviousRun.NONE);
  }
}
