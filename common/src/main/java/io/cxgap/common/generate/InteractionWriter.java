package io.cxgap.common.generate;

import static io.cxgap.common.Columns.*;

import io.cxgap.common.generate.files.JsonLine;
import io.cxgap.common.generate.files.LandingOutput;
import io.cxgap.common.generate.files.PlantedReasons;
import io.cxgap.common.generate.files.Tally;
import io.cxgap.common.generate.random.Rng;
import io.cxgap.common.generate.random.Timestamps;
import io.cxgap.common.quality.Reasons;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes channel contacts (DESIGN.md §4 {@code interactions/}) as JSON lines, one file per month
 * ({@code interactions/interactions-<month>.jsonl}), and plants bad rows, truncated lines and exact
 * duplicates (same event id, same bytes; every other one in the neighbouring month's file).
 */
final class InteractionWriter {
  static final List<String> COLUMNS =
      List.of(EVENT_ID, CUSTOMER_ID, CHANNEL, TOUCHPOINT, STARTED_AT, WAIT_S, DURATION_S, OUTCOME);

  /** Share of clean rows written twice; at most the messy rate, so a clean run has none. */
  static final double DUPLICATE_RATE = 0.01;

  private final GeneratorOptions options;
  private final Period period;
  private final LandingOutput out;
  private final Tally tally;
  private final PlantedReasons.Cycle cycle =
      new PlantedReasons.Cycle(PlantedReasons.INTERACTION_REASONS);
  private final YearMonth firstMonth;
  private final YearMonth lastMonth;
  private long duplicates;

  InteractionWriter(GeneratorOptions options, Period period, LandingOutput out, Tally tally) {
    this.options = options;
    this.period = period;
    this.out = out;
    this.tally = tally;
    this.firstMonth = YearMonth.from(period.startDate());
    this.lastMonth = YearMonth.from(period.endDate());
  }

  static double duplicateRate(double messyRate) {
    return Math.min(DUPLICATE_RATE, messyRate);
  }

  static String file(String month) {
    return "interactions/interactions-" + month + ".jsonl";
  }

  void write(CustomerPlan c) {
    SplittableRandom r = Rng.stream(options.seed(), Rng.INTERACTIONS, c.index());
    SplittableRandom mess = Rng.stream(options.seed(), Rng.MESS_INTERACTIONS, c.index());
    List<String[]> later = new ArrayList<>(); // {file, line, inWindow}
    String prefix = "E" + c.id().substring(1) + "-";
    int seq = 1;
    for (Contacts.Contact k : Contacts.plan(c, period, r)) {
      String started = Timestamps.mixed(r, k.at());
      Object[] row = {
        Timestamps.id(prefix, seq++, 4),
        c.id(),
        k.channel(),
        Touchpoints.render(r, k.touchpoint()),
        started,
        k.waitS(),
        k.durationS(),
        k.outcome()
      };
      String month = Timestamps.month(k.at());
      String file = file(month);
      boolean inWindow = period.inWindow(k.at());
      String line = JsonLine.render(COLUMNS, row) + "\n";
      if (mess.nextDouble() < options.messyRate()) {
        String reason = corrupt(row);
        line = JsonLine.render(COLUMNS, row) + "\n";
        out.write(file, null, line);
        tally.bad(
            PlantedReasons.INTERACTIONS,
            reason,
            file,
            inWindow && Objects.equals(row[4], started),
            1);
      } else {
        out.write(file, null, line);
        tally.row(PlantedReasons.INTERACTIONS, file, inWindow, 1);
        if (mess.nextDouble() < duplicateRate(options.messyRate())) {
          String dupFile = duplicates++ % 2 == 0 ? file : file(neighbour(month));
          later.add(new String[] {dupFile, line, Boolean.toString(inWindow)});
        }
      }
      if (mess.nextDouble() < options.messyRate() / 10) {
        out.write(
            file,
            null,
            JsonLine.truncate(line.substring(0, line.length() - 1), mess.nextInt()) + "\n");
        tally.bad(PlantedReasons.INTERACTIONS, Reasons.MALFORMED, file, false, 1);
      }
    }
    for (String[] d : later) {
      out.write(d[0], null, d[1]);
      tally.duplicate(PlantedReasons.INTERACTIONS, d[0], Boolean.parseBoolean(d[2]));
    }
  }

  /** Breaks exactly one rule of the row; returns the reason. */
  private String corrupt(Object[] row) {
    String reason = cycle.next();
    switch (reason) {
      case Reasons.MISSING_REQUIRED -> row[0] = null;
      case Reasons.BAD_TIMESTAMP -> row[4] = "not-a-date";
      case Reasons.BAD_NUMBER -> row[5] = "abc";
      case Reasons.OUT_OF_RANGE -> row[5] = -5;
      case Reasons.UNKNOWN_CHANNEL -> row[2] = "pigeon";
      case Reasons.UNKNOWN_TOUCHPOINT -> row[3] = SurveyWriter.UNKNOWN_TOUCHPOINT;
      default -> row[7] = "teleported";
    }
    return reason;
  }

  /** The next month inside the period, else the previous one, else the same. */
  private String neighbour(String month) {
    YearMonth m = YearMonth.parse(month);
    YearMonth n = m.plusMonths(1).isAfter(lastMonth) ? m.minusMonths(1) : m.plusMonths(1);
    return (n.isBefore(firstMonth) ? m : n).toString();
  }
}
