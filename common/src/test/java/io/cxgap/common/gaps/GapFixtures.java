package io.cxgap.common.gaps;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Builders for tiny silver frames. */
abstract class GapFixtures extends SparkTestBase {
  static final TouchpointCatalog CATALOG =
      new TouchpointCatalog(
          List.of(
              new Touchpoint("billing", "Billing", "usage", "reliability", List.of(), 0),
              new Touchpoint("app", "App", "usage", "tangibles", List.of(), 5),
              new Touchpoint("checkout", "Checkout", "purchase", "reliability", List.of(), 0),
              new Touchpoint("website", "Website", "awareness", "tangibles", List.of(), 0),
              new Touchpoint("delivery", "Delivery", "purchase", "reliability", List.of(), 0)));

  static final StructType ITEMS =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("touchpoint", DataTypes.StringType)
          .add("response_date", DataTypes.DateType)
          .add("expectation_norm", DataTypes.DoubleType)
          .add("experience_norm", DataTypes.DoubleType)
          .add("gap", DataTypes.DoubleType);

  /** An item row: gap = experience - expectation. */
  static Row item(
      String customer, String touchpoint, String date, double expectation, double experience) {
    return RowFactory.create(
        customer,
        touchpoint,
        Date.valueOf(date),
        expectation,
        experience,
        experience - expectation);
  }

  static Dataset<Row> items(Row... rows) {
    return spark().createDataFrame(List.of(rows), ITEMS);
  }

  static final StructType CONTACTS =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("customer_id", DataTypes.StringType)
          .add("touchpoint", DataTypes.StringType)
          .add("started_at", DataTypes.TimestampType)
          .add("contact_date", DataTypes.DateType)
          .add("wait_s", DataTypes.DoubleType)
          .add("outcome", DataTypes.StringType);

  static Row contact(
      String id, String customer, String touchpoint, String ts, Double wait, String outcome) {
    Timestamp t = Timestamp.valueOf(ts);
    return RowFactory.create(
        id, customer, touchpoint, t, Date.valueOf(ts.substring(0, 10)), wait, outcome);
  }

  static Dataset<Row> contacts(Row... rows) {
    return spark().createDataFrame(List.of(rows), CONTACTS);
  }

  static Dataset<Row> crm(String... idSegmentRegion) {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("region", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (String x : idSegmentRegion) {
      String[] p = x.split("/");
      rows.add(RowFactory.create(p[0], p[1], p[2]));
    }
    return spark().createDataFrame(rows, s);
  }
}
