package io.cxgap.jobs.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.analysis.PlanWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.execution.SparkSqlParser;
import scala.collection.JavaConverters;

/**
 * The tables a {@code sql} statement names, read from Spark's parse of it before any session or
 * catalog exists, so that {@code sql} registers (and opens a metastore for) only what the statement
 * needs (DESIGN.md §7). A query (SELECT, WITH, VALUES, set operations, subqueries, time travel)
 * names its tables; any other statement (SHOW, DESCRIBE, EXPLAIN, SET, a write), a name built at
 * run time ({@code IDENTIFIER(...)}), a plan node this walk does not know, or text Spark's own
 * parser cannot read (Delta's commands) is {@link #UNKNOWN not known}, and then everything is
 * registered.
 *
 * @param names each table name as written, lower case, {@code db.table} or {@code table}; empty
 *     when the statement's names are not known
 */
record StatementTables(Optional<Set<String>> names) {
  /** A statement whose names are not known: every table may be needed. */
  static final StatementTables UNKNOWN = new StatementTables(Optional.empty());

  /** Leaves that read no table: literal rows, ranges, {@code range(...)}. */
  private static final Set<Class<?>> ROWS =
      Set.of(
          OneRowRelation.class,
          UnresolvedInlineTable.class,
          LocalRelation.class,
          Range.class,
          UnresolvedTableValuedFunction.class);

  /** Parses {@code sql} with Spark's parser (no session needed). */
  static StatementTables of(String sql) {
    LogicalPlan plan;
    try {
      plan = new SparkSqlParser().parsePlan(sql);
    } catch (
        Exception e) { // a parse error (Scala throws ParseException undeclared), or Delta syntax
      return UNKNOWN;
    }
    if (plan instanceof Command || plan instanceof ParsedStatement) {
      return UNKNOWN;
    }
    Set<String> names = new TreeSet<>();
    List<QueryPlan<?>> todo = new ArrayList<>(List.of(plan));
    while (!todo.isEmpty()) {
      QueryPlan<?> node = todo.remove(todo.size() - 1);
      if (node instanceof Command
          || node instanceof ParsedStatement
          || node instanceof PlanWithUnresolvedIdentifier) {
        return UNKNOWN;
      }
      if (node instanceof UnresolvedRelation r) {
        names.add(name(JavaConverters.seqAsJavaList(r.multipartIdentifier())));
      } else if (node instanceof RelationTimeTravel t) {
        todo.add(t.relation());
      } else if (node.children().isEmpty() && !ROWS.contains(node.getClass())) {
        return UNKNOWN; // a leaf this walk does not know
      }
      todo.addAll(JavaConverters.seqAsJavaList(node.children()));
      todo.addAll(JavaConverters.seqAsJavaList(node.innerChildren()));
      todo.addAll(JavaConverters.seqAsJavaList(node.subqueries()));
    }
    return new StatementTables(Optional.of(Set.copyOf(names)));
  }

  /**
   * The tables of {@code database} (e.g. {@code cx_gold}) this statement names; empty when its
   * names are not known, and so all of the database's tables may be needed.
   */
  Optional<Set<String>> in(String database) {
    if (names.isEmpty()) {
      return Optional.empty();
    }
    Set<String> out = new TreeSet<>();
    String prefix = database.toLowerCase(Locale.ROOT) + ".";
    for (String n : names.get()) {
      if (n.startsWith(prefix)) {
        out.add(n.substring(prefix.length()));
      }
    }
    return Optional.of(out);
  }

  /** {@code db.table} or {@code table}, lower case; {@code spark_catalog.} dropped. */
  private static String name(List<String> parts) {
    List<String> p = parts;
    if (p.size() == 3 && p.get(0).equalsIgnoreCase("spark_catalog")) {
      p = p.subList(1, 3);
    }
    return String.join(".", p).toLowerCase(Locale.ROOT);
  }
}
