package io.cxgap.jobs;

import io.cxgap.common.CxErrors;
import io.cxgap.common.config.CxConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import sun.misc.Signal;

/**
 * {@code cxgap serve}: Spark's Thrift JDBC/ODBC server (HiveServer2 protocol) over the catalog
 * (DESIGN.md §3, §7), the way BI tools connect to Spark. Runs until SIGTERM or Ctrl-C, then stops
 * cleanly with exit 0.
 */
@Command(name = "serve", description = "Spark Thrift JDBC/ODBC server over cx_bronze, cx_silver and cx_gold, for BI tools")
final class ServeCommand implements Callable<Integer> {
  @Mixin Cli.ConfigOptions options;

  @Option(names = "--port", paramLabel = "P", description = "TCP port; default ${DEFAULT-VALUE}")
  int port = 10000;

  @Option(names = "--host", paramLabel = "H", description = "address to listen on; default ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for all")
  String host = "127.0.0.1";

  @Option(names = "--refresh", paramLabel = "SECONDS", description = "register tables that appear in the warehouse every SECONDS; 0 never; default ${DEFAULT-VALUE}")
  int refresh = 60;

  @Override
  public Integer call() {
    if (port < 1 || port > 65535) {
      throw CxErrors.usage("--port: %d is not a TCP port (1..65535)", port);
    }
    if (refresh < 0) {
      throw CxErrors.usage("--refresh: %d; give seconds >= 0", refresh);
    }
    CxConfig config = options.load();
    checkFree(host, port);
    Metastore.Opened catalog =
        Metastore.open(
            config,
            Map.of(
                "spark.hadoop.hive.server2.thrift.port", Integer.toString(port),
                "spark.hadoop.hive.server2.thrift.bind.host", host,
                "spark.sql.hive.thriftServer.singleSession", "false"));
    SparkSession spark = catalog.spark();
    List<String> tables = WarehouseCatalog.register(spark, config);
    spark.sqlContext().setConf("hive.server2.thrift.port", Integer.toString(port));
    spark.sqlContext().setConf("hive.server2.thrift.bind.host", host);
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());

    CountDownLatch stop = new CountDownLatch(1);
    for (String signal : List.of("TERM", "INT")) {
      Signal.handle(new Signal(signal), s -> stop.countDown());
    }
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cxgap-serve-refresh");
      t.setDaemon(true);
      return t;
    });
    if (refresh > 0) {
      refresher.scheduleWithFixedDelay(() -> reRegister(spark, config), refresh, refresh, TimeUnit.SECONDS);
    }
    String url = "jdbc:hive2://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port + "/cx_gold";
    System.out.printf(
        Locale.ROOT,
        "cxgap serve: %d tables in cx_bronze, cx_silver, cx_gold (%s)%n"
            + "cxgap serve: JDBC URL %s  (Hive JDBC driver org.apache.hive.jdbc.HiveDriver, no password)%n"
            + "cxgap serve: Ctrl-C or SIGTERM stops the server%n",
        tables.size(), catalog.description(), url);
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

  private static void reRegister(SparkSession spark, CxConfig config) {
    try {
      WarehouseCatalog.register(spark, config);
    } catch (RuntimeException e) { // the next refresh tries again; the server keeps serving
      System.err.println("cxgap serve: refreshing the catalog failed: " + Cli.firstLine(e.getMessage()));
    }
  }

  /** Fails with exit 2 before Spark starts when the address is taken. */
  static void checkFree(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw CxErrors.usage("cannot listen on %s:%d (%s); choose another --port or --host", host, port, e.getMessage());
    }
  }
}
