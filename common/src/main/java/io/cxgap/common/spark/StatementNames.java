package io.cxgap.common.spark;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/** The SQL name of a refused statement, for the one-line refusal a BI user reads. */
final class StatementNames {
  private StatementNames() {}

  /** Statement names for refusals, by plan class; other classes are named from their class name. */
  private static final Map<String, String> STATEMENT =
      Map.ofEntries(
          Map.entry("DeleteFromTable", "DELETE"),
          Map.entry("DeleteCommand", "DELETE"),
          Map.entry("DeltaDelete", "DELETE"),
          Map.entry("UpdateTable", "UPDATE"),
          Map.entry("UpdateCommand", "UPDATE"),
          Map.entry("DeltaUpdateTable", "UPDATE"),
          Map.entry("MergeIntoTable", "MERGE"),
          Map.entry("MergeIntoCommand", "MERGE"),
          Map.entry("DeltaMergeInto", "MERGE"),
          Map.entry("InsertIntoStatement", "INSERT"),
          Map.entry("AppendData", "INSERT"),
          Map.entry("OverwriteByExpression", "INSERT OVERWRITE"),
          Map.entry("OverwritePartitionsDynamic", "INSERT OVERWRITE"),
          Map.entry("InsertIntoDir", "INSERT OVERWRITE DIRECTORY"),
          Map.entry("InsertIntoDataSourceDirCommand", "INSERT OVERWRITE DIRECTORY"),
          Map.entry("CreateTable", "CREATE TABLE"),
          Map.entry("CreateTableAsSelect", "CREATE TABLE"),
          Map.entry("CreateTableLike", "CREATE TABLE"),
          Map.entry("CreateTableLikeCommand", "CREATE TABLE"),
          Map.entry("ReplaceTable", "REPLACE TABLE"),
          Map.entry("ReplaceTableAsSelect", "REPLACE TABLE"),
          Map.entry("DropTable", "DROP TABLE"),
          Map.entry("DropTableCommand", "DROP TABLE"),
          Map.entry("CreateNamespace", "CREATE DATABASE"),
          Map.entry("DropNamespace", "DROP DATABASE"),
          Map.entry("CreateFunction", "CREATE FUNCTION"),
          Map.entry("CreateFunctionCommand", "CREATE FUNCTION"),
          Map.entry("AddJarsCommand", "ADD JAR"),
          Map.entry("AddFilesCommand", "ADD FILE"),
          Map.entry("AddArchivesCommand", "ADD ARCHIVE"),
          Map.entry("CacheTableAsSelect", "CACHE TABLE"),
          Map.entry("ClearCacheCommand$", "CLEAR CACHE"),
          Map.entry("CreateViewCommand", "CREATE VIEW"),
          Map.entry("AlterViewAs", "ALTER VIEW"),
          Map.entry("RestoreTableStatement", "RESTORE"),
          Map.entry("CloneTableStatement", "CLONE"),
          Map.entry("OptimizeTableCommand", "OPTIMIZE"),
          Map.entry("VacuumTableCommand", "VACUUM"),
          Map.entry("ConvertToDeltaCommand", "CONVERT TO DELTA"),
          Map.entry("DeltaGenerateCommand", "GENERATE"),
          Map.entry("DescribeDeltaHistory", "DESCRIBE HISTORY"),
          Map.entry("DescribeDeltaHistoryCommand", "DESCRIBE HISTORY"),
          Map.entry("DescribeDeltaDetailCommand", "DESCRIBE DETAIL"),
          Map.entry("ScriptTransformation", "TRANSFORM ... USING (a program on the server)"),
          Map.entry("PlanWithUnresolvedIdentifier", "an IDENTIFIER() clause"));

  /** A statement's name for a refusal: {@code DELETE}, {@code DROP TABLE}, {@code ALTER TABLE}. */
  static String of(LogicalPlan node) {
    String simple = node.getClass().getSimpleName();
    String known = STATEMENT.get(simple);
    if (known != null) {
      return known;
    }
    String base = simple.replaceAll("(Command|Statement|Exec)\\$?$", "");
    if (base.startsWith("AlterTable")
        || Set.of(
                "SetTableProperties",
                "UnsetTableProperties",
                "AddColumns",
                "DropColumns",
                "RenameColumn",
                "ReplaceColumns",
                "AlterColumn",
                "RenameTable",
                "SetTableLocation",
                "AddPartitions",
                "DropPartitions",
                "RenamePartitions",
                "SetTableSerDeProperties")
            .contains(base)) {
      return "ALTER TABLE";
    }
    return base.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
  }
}
