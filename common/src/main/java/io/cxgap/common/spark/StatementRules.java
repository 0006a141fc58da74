package io.cxgap.common.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.analysis.ResolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.ResolvedPersistentView;
import org.apache.spark.sql.catalyst.analysis.ResolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedView;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.HiveTableRelation;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.View;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.runtime.BoxedUnit;

/**
 * What a read-only session may run (DESIGN.md §7), decided on Spark's own plans: a statement is
 * allowed only when every node of its plan, subqueries included, is a query operator, a table of an
 * exposed database, or one of the few read-only commands (SHOW, DESCRIBE, EXPLAIN, USE, a temporary
 * view, SET of an allow-listed key). Anything else is refused with the rule it breaks. Pure: a plan
 * in, a refusal (or none) out; {@link ReadOnlyGuard} applies it to live sessions.
 */
public final class StatementRules {
  /** Session settings a BI client may SET: harmless to the server and to other sessions. */
  public static final Set<String> SETTABLE =
      Set.of(
          "spark.sql.session.timeZone",
          "spark.sql.ansi.enabled",
          "spark.sql.thriftServer.incrementalCollect");

  private StatementRules() {}

  /**
   * The rule a parsed statement breaks, if any. A name qualified with a database outside {@code
   * databases} (when not empty) is refused here already. {@code isDatabase} tells whether a name is
   * a database in the session's catalog and {@code isFormat} whether it names a data source (text,
   * parquet, delta), so that {@code text.`/path`} is told from a table.
   */
  public static Optional<String> parsed(
      LogicalPlan plan,
      Set<String> databases,
      Predicate<String> isDatabase,
      Predicate<String> isFormat) {
    List<String> refusals = new ArrayList<>();
    visit(
        plan, node -> refusals.add(parsedNode(node, databases, isDatabase, isFormat).orElse(null)));
    return first(refusals);
  }

  /**
   * The rule an analysed statement breaks, if any: besides {@link #parsed}'s node rules, every
   * table read must be a catalog table of {@code databases} (any database when empty), and no
   * expression may call Java code by reflection or a Hive UDF.
   */
  public static Optional<String> analysed(LogicalPlan plan, Set<String> databases) {
    List<String> refusals = new ArrayList<>();
    visit(
        plan,
        node -> {
          refusals.add(analysedNode(node, databases).orElse(null));
          for (Expression e : JavaConverters.seqAsJavaList(node.expressions())) {
            e.foreach(
                x -> {
                  refusals.add(expression(x).orElse(null));
                  return BoxedUnit.UNIT;
                });
          }
        });
    return first(refusals);
  }

  private static Optional<String> parsedNode(
      LogicalPlan node,
      Set<String> databases,
      Predicate<String> isDatabase,
      Predicate<String> isFormat) {
    List<String> name = List.of();
    if (node instanceof UnresolvedRelation r) {
      name = JavaConverters.seqAsJavaList(r.multipartIdentifier());
      if (name.size() == 2
          && !isDatabase.test(name.get(0))
          && (looksLikePath(name.get(1)) || isFormat.test(name.get(0)))) {
        return Optional.of(
            "direct file queries are not allowed ("
                + name.get(0)
                + ".`"
                + name.get(1)
                + "`); query the tables");
      }
    } else if (node instanceof UnresolvedTable t) {
      name = JavaConverters.seqAsJavaList(t.multipartIdentifier());
    } else if (node instanceof UnresolvedTableOrView t) {
      name = JavaConverters.seqAsJavaList(t.multipartIdentifier());
    } else if (node instanceof UnresolvedView v) {
      name = JavaConverters.seqAsJavaList(v.multipartIdentifier());
    } else if (node instanceof UnresolvedNamespace n && !n.multipartIdentifier().isEmpty()) {
      name = new ArrayList<>(JavaConverters.seqAsJavaList(n.multipartIdentifier()));
      name.add("");
    }
    if (!databases.isEmpty() && name.size() >= 2) {
      String db = name.get(name.size() - 2).toLowerCase(Locale.ROOT);
      if (!databases.contains(db)) {
        return Optional.of(notServed(db));
      }
    }
    return node(node);
  }

  private static boolean looksLikePath(String name) {
    return name.contains("/") || name.contains("\\") || name.contains(":");
  }

  private static Optional<String> analysedNode(LogicalPlan node, Set<String> databases) {
    if (node instanceof LogicalRelation r) {
      return r.catalogTable().isDefined()
          ? exposed(r.catalogTable().get(), databases)
          : Optional.of("direct file queries are not allowed; query the tables");
    }
    if (node instanceof HiveTableRelation r) {
      return exposed(r.tableMeta(), databases);
    }
    if (node instanceof DataSourceV2Relation r) {
      Option<CatalogPlugin> catalog = r.catalog();
      Option<Identifier> id = r.identifier();
      if (catalog.isEmpty() || id.isEmpty()) {
        return Optional.of("direct file queries are not allowed; query the tables");
      }
      return namespace(catalog.get().name(), id.get().namespace(), databases);
    }
    if (node instanceof View v && !v.isTempView()) {
      return exposed(v.desc(), databases);
    }
    if (node instanceof ResolvedTable t) {
      return namespace(t.catalog().name(), t.identifier().namespace(), databases);
    }
    if (node instanceof ResolvedPersistentView v) {
      return namespace(v.catalog().name(), v.identifier().namespace(), databases);
    }
    if (node instanceof ResolvedNamespace n) {
      String[] ns = JavaConverters.seqAsJavaList(n.namespace()).toArray(new String[0]);
      return ns.length == 0 ? Optional.empty() : namespace(n.catalog().name(), ns, databases);
    }
    return node(node);
  }

  /** The node rules shared by parsed and analysed plans. */
  private static Optional<String> node(LogicalPlan node) {
    String cls = node.getClass().getName();
    if (PlanClasses.QUERY_NODES.contains(cls) || PlanClasses.SHOW_COMMANDS.contains(cls)) {
      return Optional.empty();
    }
    if (node instanceof ExplainCommand || node instanceof DescribeQueryCommand) {
      return Optional.empty(); // their inner plans are visited, and checked again when analysed
    }
    if (node instanceof SetCommand set) {
      return set(set);
    }
    if (node instanceof CreateViewCommand view) {
      return view.viewType() == LocalTempView$.MODULE$
          ? Optional.empty()
          : Optional.of(
              view.viewType() == org.apache.spark.sql.catalyst.analysis.GlobalTempView$.MODULE$
                  ? "CREATE GLOBAL TEMPORARY VIEW is not allowed (shared between sessions); use CREATE TEMPORARY VIEW"
                  : "CREATE VIEW is not allowed; use CREATE TEMPORARY VIEW");
    }
    if (node.getClass().getName().equals(PlanClasses.LOGICAL + "CreateView")) {
      return Optional.of("CREATE VIEW is not allowed; use CREATE TEMPORARY VIEW");
    }
    return Optional.of(StatementNames.of(node) + " is not allowed");
  }

  private static Optional<String> set(SetCommand set) {
    Option<Tuple2<String, Option<String>>> kv = set.kv();
    if (kv.isDefined() && SETTABLE.contains(kv.get()._1())) {
      return Optional.empty();
    }
    String what = kv.isDefined() ? "SET " + kv.get()._1() : "SET without a key";
    return Optional.of(
        what
            + " is not allowed; settable: "
            + String.join(", ", SETTABLE.stream().sorted().toList()));
  }

  private static Optional<String> expression(Expression e) {
    if (e instanceof CallMethodViaReflection) {
      return Optional.of("reflection functions (reflect, java_method) are not allowed");
    }
    if (e.getClass().getName().startsWith("org.apache.spark.sql.hive.Hive")
        && e.getClass().getName().contains("UD")) {
      return Optional.of("Hive UDFs are not allowed");
    }
    return Optional.empty();
  }

  private static Optional<String> exposed(CatalogTable table, Set<String> databases) {
    Option<String> db = table.identifier().database();
    String name = db.isDefined() ? db.get() : "";
    return databases.isEmpty() || databases.contains(name.toLowerCase(Locale.ROOT))
        ? Optional.empty()
        : Optional.of(notServed(name));
  }

  private static Optional<String> namespace(
      String catalog, String[] namespace, Set<String> databases) {
    if (!"spark_catalog".equals(catalog)) {
      return Optional.of(
          "catalog " + catalog + " is not served; query the tables of spark_catalog");
    }
    String db = namespace.length == 0 ? "" : namespace[0].toLowerCase(Locale.ROOT);
    return databases.isEmpty() || databases.contains(db)
        ? Optional.empty()
        : Optional.of(notServed(db));
  }

  private static String notServed(String database) {
    return "database " + (database.isEmpty() ? "(none)" : database) + " is not served";
  }

  /**
   * Visits the plan's nodes and subqueries, and the inner plans of EXPLAIN, DESCRIBE QUERY and
   * views.
   */
  private static void visit(LogicalPlan plan, java.util.function.Consumer<LogicalPlan> f) {
    plan.foreach(
        node -> {
          f.accept(node);
          for (LogicalPlan sub : JavaConverters.seqAsJavaList(node.subqueries())) {
            visit(sub, f);
          }
          if (node instanceof ExplainCommand e) {
            visit(e.logicalPlan(), f);
          } else if (node instanceof DescribeQueryCommand d) {
            visit(d.plan(), f);
          } else if (node instanceof CreateViewCommand v && v.isAnalyzed()) {
            visit(v.plan(), f);
          }
          return BoxedUnit.UNIT;
        });
  }

  private static Optional<String> first(List<String> refusals) {
    return refusals.stream().filter(java.util.Objects::nonNull).findFirst();
  }
}
