package io.cxgap.common.spark;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The plan classes a read-only session may run, by fully qualified name: query operators and the
 * commands that only show or describe. Names rather than classes, so that a class that a Spark or
 * Delta version lacks costs nothing; {@link StatementRules} applies them.
 */
final class PlanClasses {
  private PlanClasses() {}

  static final String LOGICAL = "org.apache.spark.sql.catalyst.plans.logical.";
  private static final String ANALYSIS = "org.apache.spark.sql.catalyst.analysis.";
  private static final String COMMAND = "org.apache.spark.sql.execution.command.";

  /** Query operators and the references read-only commands carry: never a write. */
  static final Set<String> QUERY_NODES =
      Stream.concat(
              names(
                  LOGICAL,
                  "Aggregate AsOfJoin CTERelationDef CTERelationRef Deduplicate Distinct Except Expand Filter"
                      + " Generate GlobalLimit Intersect Join LateralJoin LocalLimit LocalRelation Offset"
                      + " OneRowRelation Pivot Project Range RebalancePartitions Repartition RepartitionByExpression"
                      + " ResolvedHint Sample Sort Subquery SubqueryAlias Tail Union Unpivot View Window"
                      + " WindowGroupLimit WithCTE WithWindowDefinition UnresolvedWith UnresolvedHint"),
              names(
                  ANALYSIS,
                  "NameParameterizedQuery PosParameterizedQuery RelationTimeTravel UnresolvedHaving"
                      + " UnresolvedInlineTable ResolvedInlineTable UnresolvedRelation UnresolvedSubqueryColumnAliases"
                      + " UnresolvedTVFAliases UnresolvedTableValuedFunction UnresolvedNamespace UnresolvedTable"
                      + " UnresolvedTableOrView UnresolvedView UnresolvedFunctionName ResolvedNamespace ResolvedTable"
                      + " ResolvedPersistentView ResolvedTempView ResolvedNonPersistentFunc ResolvedPersistentFunc"))
          .collect(Collectors.toUnmodifiableSet());

  /** Commands that only show or describe, as parsed and as analysed. */
  static final Set<String> SHOW_COMMANDS =
      Stream.of(
              names(
                  LOGICAL,
                  "ShowTables ShowNamespaces ShowViews ShowColumns ShowTableProperties ShowFunctions"
                      + " DescribeRelation DescribeColumn DescribeNamespace DescribeFunction SetCatalogAndNamespace"),
              names(
                  COMMAND,
                  "ShowTablesCommand ShowViewsCommand ShowColumnsCommand ShowTablePropertiesCommand"
                      + " ShowFunctionsCommand DescribeTableCommand DescribeColumnCommand DescribeDatabaseCommand"
                      + " DescribeFunctionCommand SetNamespaceCommand"),
              names("org.apache.spark.sql.delta.commands.", "ShowDeltaTableColumnsCommand"))
          .flatMap(s -> s)
          .collect(Collectors.toUnmodifiableSet());

  private static Stream<String> names(String pkg, String simpleNames) {
    return Stream.of(simpleNames.trim().split("\\s+")).map(n -> pkg + n);
  }
}
