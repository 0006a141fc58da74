package io.cxgap.jobs.serve;

import io.cxgap.common.CxErrors;
import io.cxgap.common.Layer;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.spark.ReadOnlyGuard;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.options.ConfigOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxgap serve}: Spark's Thrift JDBC/ODBC server (HiveServer2 protocol) for BI tools
 * (DESIGN.md §3, §7). Read-only and least-privilege: clients see {@code cx_gold} (and {@code
 * cx_silver} with {@code --expose silver}) in a catalog of the server's own, never {@code
 * cx_bronze}, and every statement passes the {@link ReadOnlyGuard}. Logins and TLS follow {@link
 * ServeSecurity}. Runs until SIGTERM or Ctrl-C, then stops cleanly with exit 0.
 */
@Command(
    name = "serve",
    description = "read-only Spark Thrift JDBC/ODBC server over cx_gold, for BI tools")
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--port", paramLabel = "P", description = "TCP port; default ${DEFAULT-VALUE}")
  int port = 10000;

  @Option(
      names = "--host",
      paramLabel = "H",
      description =
          "address to listen on; default ${DEFAULT-VALUE} (this machine only); any other address needs a login method and TLS")
  String host = "127.0.0.1";

  @Option(
      names = "--expose",
      split = ",",
      paramLabel = "LAYER",
      description =
          "serve this layer too: silver; cx_gold is always served, cx_bronze (personal data) never")
  List<String> expose = new ArrayList<>();

  @Option(
      names = "--refresh",
      paramLabel = "SECONDS",
      description =
          "register tables that appear in the warehouse every SECONDS; 0 never; default ${DEFAULT-VALUE}")
  int refresh = 60;

  @Override
  public Integer call() {
    if (port < 1 || port > 65535) {
      throw CxErrors.usage("--port: %d is not a TCP port (1..65535)", port);
    }
    if (refresh < 0) {
      throw CxErrors.usage("--refresh: %d; give seconds >= 0", refresh);
    }
    List<String> layers = layers(expose);
    CxConfig config = options.load();
    ServeSecurity security = ServeSecurity.check(config.serve(), host, System.getenv());
    checkFree(host, port);
    Metastore.Opened catalog = Metastore.forServing(config);
    SparkSession spark = catalog.spark();
    ReadOnlyGuard.requireActive(spark);
    List<String> tables = WarehouseCatalog.register(spark, config, layers);
    spark.sqlContext().setConf("hive.server2.thrift.port", Integer.toString(port));
    spark.sqlContext().setConf("hive.server2.thrift.bind.host", host);
    security.hiveSettings().forEach((k, v) -> spark.sqlContext().setConf(k, v));
    security.systemProperties().forEach(System::setProperty);
    Set<String> databases = new java.util.TreeSet<>(Set.of("default"));
    layers.forEach(l -> databases.add(WarehouseCatalog.database(l)));
    ReadOnlyGuard.install(new ReadOnlyGuard.Policy("read-only server", databases, ""));
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());

    CountDownLatch stop = new CountDownLatch(1);
    StopSignals.countDownOn(stop);
    ScheduledExecutorService refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cxgap-serve-refresh");
              t.setDaemon(true);
              return t;
            });
    if (refresh > 0) {
      refresher.scheduleWithFixedDelay(
          () -> reRegister(spark, config, layers), refresh, refresh, TimeUnit.SECONDS);
    }
    String shown = String.join(", ", layers.stream().map(WarehouseCatalog::database).toList());
    String url =
        "jdbc:hive2://"
            + (host.equals("0.0.0.0") ? "localhost" : host)
            + ":"
            + port
            + "/"
            + Layer.GOLD.database()
            + security.urlSuffix();
    System.out.printf(
        Locale.ROOT,
        "cxgap serve: %d tables in %s, read-only%n"
            + "cxgap serve: JDBC URL %s  (Hive JDBC driver org.apache.hive.jdbc.HiveDriver; %s)%n"
            + "cxgap serve: Ctrl-C or SIGTERM stops the server%n",
        tables.size(),
        shown,
        url,
        security.description());
    System.out.flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    refresher.shutdownNow();
    server.stop();
    spark.stop();
    System.out.println("cxgap serve: stopped");
    return 0;
  }

  /** gold, and the layers {@code --expose} adds; bronze is refused. */
  static List<String> layers(List<String> expose) {
    List<String> layers = new ArrayList<>(List.of(Layer.GOLD.id()));
    for (String l : expose) {
      String id = l.strip().toLowerCase(Locale.ROOT).replaceFirst("^" + Layer.DATABASE_PREFIX, "");
      Layer layer =
          Layer.of(id)
              .orElseThrow(
                  () -> CxErrors.usage("--expose %s: give silver (cx_gold is always served)", l));
      switch (layer) {
        case GOLD -> {}
        case SILVER -> {
          if (!layers.contains(layer.id())) {
            layers.add(layer.id());
          }
        }
        case BRONZE ->
            throw CxErrors.usage(
                "--expose bronze: cx_bronze holds personal data and is never served; query it with 'cxgap sql'");
      }
    }
    return List.copyOf(layers);
  }

  private static void reRegister(SparkSession spark, CxConfig config, List<String> layers) {
    try {
      ReadOnlyGuard.unguarded(() -> WarehouseCatalog.register(spark, config, layers));
    } catch (RuntimeException e) { // the next refresh tries again; the server keeps serving
      System.err.println(
          "cxgap serve: refreshing the catalog failed: " + Args.firstLine(e.getMessage()));
    }
  }

  /** Fails with exit 2 before Spark starts when the address is taken. */
  static void checkFree(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw CxErrors.usage(
          "cannot listen on %s:%d (%s); choose another --port or --host",
          host, port, e.getMessage());
    }
  }
}
