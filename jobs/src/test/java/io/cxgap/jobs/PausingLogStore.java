package io.cxgap.jobs;

import io.cxgap.jobs.runstate.FaultPoints;
import io.delta.storage.HDFSLogStore;
import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Delta's own local log store with one more fault point: before it writes commit {@code
 * <table>/_delta_log/<n>.json}, it hits {@code delta.commit.<table>}. Set as {@code
 * spark.delta.logStore.file.impl} in a child JVM, a pause there stops a write after its data files
 * are written and before the commit that would make them visible.
 */
public final class PausingLogStore extends HDFSLogStore {
  public PausingLogStore(Configuration conf) {
    super(conf);
  }

  @Override
  public void write(Path path, Iterator<String> actions, Boolean overwrite, Configuration conf)
      throws IOException {
    Path log = path.getParent();
    if (path.getName().matches("\\d{20}\\.json")
        && log != null
        && "_delta_log".equals(log.getName())) {
      FaultPoints.hit("delta.commit." + log.getParent().getName());
    }
    super.write(path, actions, overwrite, conf);
  }
}
