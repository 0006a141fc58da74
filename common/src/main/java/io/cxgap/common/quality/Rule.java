package io.cxgap.common.quality;

import static io.cxgap.common.Columns.DETAIL;
import static io.cxgap.common.Columns.REASON;
import static io.cxgap.common.quality.CleanColumns.clean;
import static io.cxgap.common.quality.CleanColumns.num;
import static io.cxgap.common.quality.CleanColumns.ts;
import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One quarantine rule: when {@code fails} holds, the row is rejected with reason and detail. */
record Rule(String reason, Column fails, Column detail) {

  /** A required column that is blank after cleaning. */
  static Rule missing(String c) {
    return new Rule(Reasons.MISSING_REQUIRED, clean(c).isNull(), lit(c));
  }

  /** A timestamp column with a value that does not parse. */
  static Rule badTimestamp(String c) {
    return new Rule(Reasons.BAD_TIMESTAMP, clean(c).isNotNull().and(ts(c).isNull()), lit(c));
  }

  /** A number column with a value that does not parse. */
  static Rule badNumber(String c) {
    return new Rule(Reasons.BAD_NUMBER, clean(c).isNotNull().and(num(c).isNull()), lit(c));
  }

  /** Adds reason/detail for the first failing rule (one index, then two lookups). */
  static Dataset<Row> mark(Dataset<Row> df, List<Rule> rules) {
    Column index = lit(null).cast("int");
    for (int i = rules.size() - 1; i >= 0; i--) {
      index = when(rules.get(i).fails(), lit(i)).otherwise(index);
    }
    Dataset<Row> indexed = df.withColumn("_rule", index);
    Column reason = lit(null).cast("string");
    Column detail = lit(null).cast("string");
    for (int i = rules.size() - 1; i >= 0; i--) {
      Column hit = col("_rule").equalTo(i);
      reason = when(hit, lit(rules.get(i).reason())).otherwise(reason);
      detail = when(hit, rules.get(i).detail().cast("string")).otherwise(detail);
    }
    return indexed.withColumn(REASON, reason).withColumn(DETAIL, detail).drop("_rule");
  }
}
