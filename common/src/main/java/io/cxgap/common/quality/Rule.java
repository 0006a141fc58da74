package io.cxgap.common.quality;

import static io.cxgap.common.Columns.DETAIL;
import static io.cxgap.common.Columns.REASON;
import static io.cxgap.common.quality.CleanColumns.clean;
import static io.cxgap.common.quality.CleanColumns.num;
import static io.cxgap.common.quality.CleanColumns.ts;
import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;

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

  /**
   * The {@code reason} and {@code detail} columns of the first failing rule (null where none
   * fails), for a select.
   *
   * <p>The index of the first failing rule is the least index of the failing ones, and every rule's
   * test stands where Spark evaluates it unconditionally (the condition of a one-branch {@code
   * when}, an argument of {@code least}): a value that several rules and the typed columns read (a
   * cleaned, parsed or looked-up value) is then computed once per row. In a chain of {@code
   * when(...).otherwise(when(...))} only the first test is unconditional, and the others would
   * compute such values again. The index is written once in each of the two columns (an element of
   * the reasons and of the details), so that the expression stays linear in the number of rules.
   */
  static List<Column> reasonAndDetail(List<Rule> rules) {
    Column[] failing = new Column[rules.size()];
    Column[] reasons = new Column[rules.size()];
    Column[] details = new Column[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      failing[i] = when(rules.get(i).fails(), lit(i + 1));
      reasons[i] = lit(rules.get(i).reason());
      details[i] = rules.get(i).detail().cast("string");
    }
    // 1-based, as element_at reads it; null where no rule fails, and element_at(.., null) is null
    Column index = least(failing);
    return List.of(
        element_at(array(reasons), index).as(REASON), element_at(array(details), index).as(DETAIL));
  }
}
