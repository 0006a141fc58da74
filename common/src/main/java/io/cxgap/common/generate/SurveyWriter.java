package io.cxgap.common.generate;

import static io.cxgap.common.Columns.*;

import io.cxgap.common.generate.files.CsvWriter;
import io.cxgap.common.generate.files.JsonLine;
import io.cxgap.common.generate.files.LandingOutput;
import io.cxgap.common.generate.files.PlantedReasons;
import io.cxgap.common.generate.files.Tally;
import io.cxgap.common.generate.random.Rng;
import io.cxgap.common.generate.random.Timestamps;
import io.cxgap.common.landing.Source;
import io.cxgap.common.quality.Reasons;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes survey responses (DESIGN.md §4 {@code surveys/}) as long CSV ({@code
 * surveys/long/responses-<month>.csv}), JSON lines ({@code surveys/json/responses-<month>.jsonl})
 * or one wide export ({@code surveys/wide/export-<end date>.csv}), and plants the bad rows of
 * docs/landing-format.md: item rows in long and JSON files, whole rows in the wide export.
 */
final class SurveyWriter {
  /** The long format's columns, in the contract's order (DESIGN.md §4). */
  static final List<String> COLUMNS = Source.SURVEYS.columns();

  static final String LONG_HEADER = String.join(",", COLUMNS) + "\n";

  /** Default wide-export column prefixes (docs/landing-format.md). */
  static final String WIDE_EXPECTATION_PREFIX = EXPECTATION + "_";

  static final String WIDE_EXPERIENCE_PREFIX = EXPERIENCE + "_";

  static final String WIDE_ADEQUATE_PREFIX = ADEQUATE + "_";

  /** Index of {@code adequate} in a long row: the last contract column. */
  private static final int ADEQUATE_INDEX = COLUMNS.indexOf(ADEQUATE);

  /** First adequate column of a wide row: after the base columns and the pairs. */
  private static final int WIDE_ADEQUATE = 7 + 2 * Touchpoints.COUNT;

  static final String UNKNOWN_CUSTOMER = "C999999x";
  static final String UNKNOWN_TOUCHPOINT = "teleportation";
  private static final int[] MISSING_COLUMNS = {0, 1, 3, 4, 5};
  private static final int[] WIDE_MISSING_COLUMNS = {1, 0, 3};

  private final GeneratorOptions options;
  private final Period period;
  private final LandingOutput out;
  private final Tally tally;
  private final PlantedReasons.Cycle itemCycle =
      new PlantedReasons.Cycle(PlantedReasons.SURVEY_REASONS);
  private final PlantedReasons.Cycle wideCycle =
      new PlantedReasons.Cycle(PlantedReasons.WIDE_REASONS);
  private final String wideFile;
  final long[] responses = new long[SurveyResponse.Format.values().length];
  final PlantedScores planted = new PlantedScores();

  SurveyWriter(GeneratorOptions options, Period period, LandingOutput out, Tally tally) {
    this.options = options;
    this.period = period;
    this.out = out;
    this.tally = tally;
    this.wideFile = "surveys/wide/export-" + period.endDate() + ".csv";
  }

  static final String WIDE_HEADER = wideHeader();

  private static String wideHeader() {
    List<String> head =
        List.of(
            RESPONSE_ID, CUSTOMER_ID, SURVEY_ID, RESPONDED_AT, SCALE_MIN, SCALE_MAX, OVERALL_NPS);
    StringBuilder b = new StringBuilder(String.join(",", head));
    for (String id : Touchpoints.IDS) {
      b.append(',').append(WIDE_EXPECTATION_PREFIX).append(id);
      b.append(',').append(WIDE_EXPERIENCE_PREFIX).append(id);
    }
    for (String id : Touchpoints.IDS) {
      b.append(',').append(WIDE_ADEQUATE_PREFIX).append(id);
    }
    return b.append('\n').toString();
  }

  void write(CustomerPlan c) {
    SplittableRandom r = Rng.stream(options.seed(), Rng.SURVEYS, c.index());
    SplittableRandom mess = Rng.stream(options.seed(), Rng.MESS_SURVEYS, c.index());
    SplittableRandom zone = Rng.stream(options.seed(), Rng.ADEQUATE, c.index());
    SplittableRandom messZone = Rng.stream(options.seed(), Rng.MESS_ADEQUATE, c.index());
    double[] offsets = LatentModel.offsets(Rng.stream(options.seed(), Rng.GAP_OFFSETS, c.index()));
    for (SurveyResponse resp : SurveyResponse.plan(c, offsets, period, r, zone)) {
      responses[resp.format().ordinal()]++;
      if (resp.format() == SurveyResponse.Format.WIDE) {
        writeWide(resp, mess);
      } else {
        writeItems(resp, mess, messZone);
      }
    }
    planted.endCustomer();
  }

  private void writeItems(SurveyResponse resp, SplittableRandom mess, SplittableRandom messZone) {
    boolean json = resp.format() == SurveyResponse.Format.JSON;
    String month = Timestamps.month(resp.respondedAt());
    String file =
        json
            ? "surveys/json/responses-" + month + ".jsonl"
            : "surveys/long/responses-" + month + ".csv";
    boolean inWindow = period.inWindow(resp.respondedAt());
    for (SurveyResponse.Item item : resp.items()) {
      Object[] row = {
        resp.responseId(), resp.customerId(), resp.surveyId(), resp.respondedText(),
        item.touchpointText(), item.expectation(), item.experience(), resp.scaleMin(),
        resp.scaleMax(), resp.nps(), item.comment(), item.adequate()
      };
      String reason = null;
      if (mess.nextDouble() < options.messyRate()) {
        reason = corruptItem(row, resp);
      }
      if (reason == null
          && item.adequate() != null
          && messZone.nextDouble() < options.messyRate() / 2) {
        row[ADEQUATE_INDEX] = resp.effectiveMax() + 3;
        reason = Reasons.OUT_OF_RANGE;
      }
      String line = json ? JsonLine.render(COLUMNS, json(row)) : CsvWriter.line(row);
      out.write(file, json ? null : LONG_HEADER, json ? line + "\n" : line);
      boolean dated = inWindow && Objects.equals(row[3], resp.respondedText());
      if (reason == null) {
        tally.row(PlantedReasons.SURVEYS, file, inWindow, 1);
        planted.accepted(item, inWindow);
      } else {
        tally.bad(PlantedReasons.SURVEYS, reason, file, dated, 1);
      }
      if (json && mess.nextDouble() < options.messyRate() / 10) {
        out.write(file, null, JsonLine.truncate(line, mess.nextInt()) + "\n");
        tally.bad(PlantedReasons.SURVEYS, Reasons.MALFORMED, file, false, 1);
      }
    }
  }

  /** A JSON line leaves out the adequate key of a two-column answer. */
  private static Object[] json(Object[] row) {
    return row[ADEQUATE_INDEX] == null ? java.util.Arrays.copyOf(row, ADEQUATE_INDEX) : row;
  }

  /** Breaks exactly one rule of the item row; returns the reason. */
  private String corruptItem(Object[] row, SurveyResponse resp) {
    String reason = itemCycle.next();
    int v = itemCycle.variant();
    switch (reason) {
      case Reasons.MISSING_REQUIRED -> row[MISSING_COLUMNS[v % MISSING_COLUMNS.length]] = null;
      case Reasons.BAD_TIMESTAMP -> row[3] = "not-a-date";
      case Reasons.BAD_NUMBER -> row[6] = "seven";
      case Reasons.OUT_OF_RANGE -> {
        if (v % 2 == 0) {
          row[5] = resp.effectiveMax() + 2;
        } else {
          row[9] = 11;
        }
      }
      case Reasons.UNKNOWN_CUSTOMER -> row[1] = UNKNOWN_CUSTOMER;
      default -> row[4] = UNKNOWN_TOUCHPOINT;
    }
    return reason;
  }

  private void writeWide(SurveyResponse resp, SplittableRandom mess) {
    Object[] row = new Object[7 + 3 * Touchpoints.COUNT];
    row[0] = resp.responseId();
    row[1] = resp.customerId();
    row[2] = resp.surveyId();
    row[3] = resp.respondedText();
    row[4] = resp.scaleMin();
    row[5] = resp.scaleMax();
    row[6] = resp.nps();
    for (SurveyResponse.Item item : resp.items()) {
      row[7 + 2 * item.touchpoint()] = item.expectation();
      row[8 + 2 * item.touchpoint()] = item.experience();
      row[WIDE_ADEQUATE + item.touchpoint()] = item.adequate();
    }
    int pairs = resp.items().size();
    boolean inWindow = period.inWindow(resp.respondedAt());
    if (mess.nextDouble() < options.messyRate()) {
      String reason = wideCycle.next();
      int v = wideCycle.variant();
      switch (reason) {
        case Reasons.MISSING_REQUIRED ->
            row[WIDE_MISSING_COLUMNS[v % WIDE_MISSING_COLUMNS.length]] = null;
        case Reasons.BAD_TIMESTAMP -> row[3] = "not-a-date";
        case Reasons.OUT_OF_RANGE -> row[6] = 11;
        default -> row[1] = UNKNOWN_CUSTOMER;
      }
      boolean dated = inWindow && Objects.equals(row[3], resp.respondedText());
      out.write(wideFile, WIDE_HEADER, CsvWriter.line(row));
      tally.bad(PlantedReasons.SURVEYS, reason, wideFile, dated, pairs);
    } else {
      out.write(wideFile, WIDE_HEADER, CsvWriter.line(row));
      tally.row(PlantedReasons.SURVEYS, wideFile, inWindow, pairs);
      resp.items().forEach(item -> planted.accepted(item, inWindow));
    }
  }
}
