package io.cxgap.common.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PersonalStatsTest {
  @Test
  void aTableWithPersonalColumns_getsStatsOnItsOtherStatsColumns_only() {
    StructType s =
        new StructType()
            .add("as_of_date", DataTypes.DateType)
            .add("customer_id", DataTypes.StringType)
            .add("cluster_id", DataTypes.IntegerType)
            .add("comment", DataTypes.StringType)
            .add("centroid", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
            .add("flag", DataTypes.BooleanType)
            .add("distance", DataTypes.DoubleType);
    assertThat(PersonalStats.properties(s, List.of("as_of_date")))
        .isEqualTo(Map.of("delta.dataSkippingStatsColumns", "cluster_id,distance"));
  }

  @Test
  void aTableWithoutPersonalColumns_keepsDeltasDefault() {
    StructType s = new StructType().add("touchpoint", DataTypes.StringType);
    assertThat(PersonalStats.properties(s, List.of())).isEmpty();
  }

  @Test
  void aTableOfPersonalColumnsOnly_getsNoStats() {
    StructType s = new StructType().add("customer_id", DataTypes.StringType);
    assertThat(PersonalStats.properties(s, List.of()))
        .isEqualTo(Map.of("delta.dataSkippingNumIndexedCols", "0"));
  }
}
