package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.col;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.clusters.PainClusters;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.transform.AnalysisWindow;
import io.cxgap.common.transform.Friction;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver → {@code gold.customer_pain_cluster} and {@code gold.pain_cluster_profile} for D
 * (DESIGN.md §2, §5): the customers with a survey response in the window, grouped by what hurts
 * them, with ids carried over from the latest earlier run. Each table's D slice is replaced in one
 * commit; the customer table is written first, so the profile table (which the next run matches
 * against) only holds D once both are complete.
 */
public final class ClustersJob {
  private ClustersJob() {}

  public static StepResult run(JobContext ctx) {
    CxConfig c = ctx.config();
    AnalysisWindow window = new AnalysisWindow(ctx.date(), c.windowDays());
    String dimension = c.segmentDimensions().get(0);
    Dataset<Row> segments =
        Silver.customersAsOf(ctx)
            .select(col(Columns.CUSTOMER_ID), col(dimension).as(Columns.SEGMENT_VALUE));
    Dataset<Row> items = window.items(Silver.table(ctx, Table.SURVEY_ITEMS));
    Dataset<Row> contacts = Friction.flagged(Silver.table(ctx, Table.SILVER_INTERACTIONS), window);
    String profilePath = ctx.table(Table.PAIN_CLUSTER_PROFILE);
    PainClusters.Spec spec =
        new PainClusters.Spec(
            ctx.date(),
            c.windowDays(),
            dimension,
            ctx.catalog().touchpoints().stream().map(Touchpoint::id).toList(),
            c.clustersFrictionWeight(),
            c.clustersWaitCapS(),
            c.clustersKMin(),
            c.clustersKMax(),
            c.seed(),
            c.clustersSilhouetteSample(),
            c.clustersMaxMatchDistance());
    Dataset<Row> previous = DeltaIO.readIfExists(ctx.spark(), profilePath).orElse(null);
    try (PainClusters.Result r = PainClusters.run(spec, items, contacts, segments, previous)) {
      GoldTables.replaceDate(ctx, Table.CUSTOMER_PAIN_CLUSTER, r.customers());
      GoldTables.replaceDate(ctx, Table.PAIN_CLUSTER_PROFILE, r.profiles());
      Map<String, Long> counts =
          Map.of(
              "customers", r.customerCount(),
              "clusters", (long) r.k(),
              "ids_kept", (long) r.keptIds(),
              "ids_new", (long) r.newIds());
      return new StepResult(r.customerCount(), r.customerCount() + r.k(), 0, r.message(), counts);
    }
  }
}
