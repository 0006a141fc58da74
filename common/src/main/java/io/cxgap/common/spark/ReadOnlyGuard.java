package io.cxgap.common.spark;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.QueryPlanningTracker;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The read-only guard of {@code serve} and {@code sql} (DESIGN.md §7), a Spark session extension
 * that every cxgap session carries ({@link Sessions#EXTENSIONS}). It does nothing until a command
 * {@link #install installs} a {@link Policy}; from then on every SQL statement of a guarded session
 * is checked by {@link StatementRules} where Spark's parser hands it on: as parsed, before Spark
 * resolves anything (so a command that acts while it is analysed never starts), and as Spark
 * analyses it, when the tables it reads are known. A refused statement throws {@link Refused},
 * naming the rule, and never runs.
 *
 * <p>The policy lives in this JVM, not in the session's SQL settings, so no client can turn the
 * guard off with SET or with settings in its JDBC URL.
 */
public final class ReadOnlyGuard extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  /**
   * What a guarded session may read.
   *
   * @param label how refusals begin, e.g. {@code read-only server}
   * @param databases the databases whose tables may be read; empty: any database
   * @param hint what a refusal adds after the rule, e.g. how to allow writes; may be empty
   */
  public record Policy(String label, Set<String> databases, String hint) {
    public Policy {
      databases =
          databases.stream()
              .map(d -> d.toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet());
    }
  }

  /** A statement a read-only session does not run; the message names the rule it breaks. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    Refused(String rule) {
      super("cxgap: " + rule);
      this.rule = rule;
    }

    /** The message without its {@code cxgap: } prefix: {@code read-only: DELETE is not allowed}. */
    public String rule() {
      return rule;
    }

    /** The message alone, as JDBC clients show {@code toString()} of a failed statement. */
    @Override
    public String toString() {
      return getMessage();
    }
  }

  private static volatile Policy policy;
  private static final ThreadLocal<Boolean> UNGUARDED = ThreadLocal.withInitial(() -> false);

  /** Guards every session of this JVM until the returned handle is closed. */
  public static AutoCloseable install(Policy p) {
    policy = p;
    return () -> policy = null;
  }

  /**
   * Runs the server's own statements (registering the warehouse's tables) unguarded, on this thread
   * only: clients' statements run on the server's other threads and stay guarded.
   */
  public static <T> T unguarded(Supplier<T> work) {
    boolean was = UNGUARDED.get();
    UNGUARDED.set(true);
    try {
      return work.get();
    } finally {
      UNGUARDED.set(was);
    }
  }

  /**
   * Sessions whose parser is guarded: Spark skips an extension it cannot load, with a warning only.
   */
  private static final Set<SparkSession> GUARDED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectParser(
        (session, delegate) -> {
          GUARDED.add(session);
          return new GuardedParser(session, delegate);
        });
    return BoxedUnit.UNIT;
  }

  /**
   * Fails unless {@code session} parses through the guard: a session made before cxgap's (one that
   * spark-submit's own {@code spark.sql.extensions} built), or a guard class Spark could not load,
   * would otherwise serve without it.
   */
  public static void requireActive(SparkSession session) {
    session.sessionState().sqlParser(); // builds the session's state, and so its parser
    if (!GUARDED.contains(session)) {
      throw new IllegalStateException(
          "the read-only guard is not active in this Spark session: spark.sql.extensions must include "
              + ReadOnlyGuard.class.getName());
    }
  }

  /**
   * Checks a statement of a guarded session: as parsed, then as Spark analyses it (without running
   * it), with the inner queries of EXPLAIN and DESCRIBE QUERY analysed too. Only statements given
   * as SQL text are checked: the queries Spark and Delta run inside a session (reading a table's
   * log) come from code, not from clients.
   */
  static void check(SparkSession session, LogicalPlan parsed) {
    Policy p = guarding();
    if (p == null) {
      return;
    }
    refuse(
        p,
        StatementRules.parsed(
            parsed,
            p.databases(),
            db -> session.sessionState().catalog().databaseExists(db),
            ReadOnlyGuard::isFormat));
    LogicalPlan analysed = analyse(session, parsed);
    refuse(p, StatementRules.analysed(analysed, p.databases()));
    LogicalPlan inner =
        analysed instanceof ExplainCommand e
            ? e.logicalPlan()
            : analysed instanceof DescribeQueryCommand d ? d.plan() : null;
    if (inner != null) {
      refuse(p, StatementRules.analysed(analyse(session, inner), p.databases()));
    }
  }

  private static LogicalPlan analyse(SparkSession session, LogicalPlan plan) {
    return new QueryExecution(
            session, plan, new QueryPlanningTracker(Option.empty()), CommandExecutionMode.SKIP())
        .analyzed();
  }

  /**
   * Whether a name is a data source Spark can read files with ({@code text}, {@code parquet},
   * {@code delta}).
   */
  private static boolean isFormat(String name) {
    try {
      DataSource.lookupDataSource(name, SQLConf.get());
      return true;
    } catch (Exception | LinkageError e) { // Scala throws ClassNotFoundException undeclared
      return false;
    }
  }

  private static Policy guarding() {
    return UNGUARDED.get() ? null : policy;
  }

  private static void refuse(Policy p, Optional<String> rule) {
    if (rule.isPresent()) {
      throw new Refused(
          p.label() + ": " + rule.get() + (p.hint().isEmpty() ? "" : " (" + p.hint() + ")"));
    }
  }

  /** Spark's parser (with Delta's), whose plans are checked before they are returned. */
  private static final class GuardedParser implements ParserInterface {
    private final SparkSession session;
    private final ParserInterface delegate;

    GuardedParser(SparkSession session, ParserInterface delegate) {
      this.session = session;
      this.delegate = delegate;
    }

    private LogicalPlan checked(LogicalPlan plan) {
      check(session, plan);
      return plan;
    }

    @Override
    public LogicalPlan parsePlan(String sqlText) throws ParseException {
      return checked(delegate.parsePlan(sqlText));
    }

    @Override
    public LogicalPlan parseQuery(String sqlText) throws ParseException {
      return checked(delegate.parseQuery(sqlText));
    }

    @Override
    public Expression parseExpression(String sqlText) throws ParseException {
      return delegate.parseExpression(sqlText);
    }

    @Override
    public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
      return delegate.parseTableIdentifier(sqlText);
    }

    @Override
    public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
      return delegate.parseFunctionIdentifier(sqlText);
    }

    @Override
    public Seq<String> parseMultipartIdentifier(String sqlText) throws ParseException {
      return delegate.parseMultipartIdentifier(sqlText);
    }

    @Override
    public StructType parseTableSchema(String sqlText) throws ParseException {
      return delegate.parseTableSchema(sqlText);
    }

    @Override
    public DataType parseDataType(String sqlText) throws ParseException {
      return delegate.parseDataType(sqlText);
    }
  }
}
