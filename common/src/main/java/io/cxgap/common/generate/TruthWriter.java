package io.cxgap.common.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.cxgap.common.generate.files.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code truth.json}: the planted design (latent model, pain groups, driver weights, trend,
 * friction), exact counts of rows, quarantine reasons and duplicates (all files, per file, last
 * window), and the customer → pain group map, streamed so it never sits in memory.
 */
final class TruthWriter {
  private final GeneratorOptions o;
  private final Period p;
  private final JsonGenerator g;

  private TruthWriter(GeneratorOptions o, Period p, JsonGenerator g) {
    this.o = o;
    this.p = p;
    this.g = g;
  }

  static void write(
      Path file,
      GeneratorOptions o,
      Period p,
      CustomerLedger ledger,
      Tally tally,
      long[] responses,
      PlantedScores planted)
      throws IOException {
    DefaultIndenter nl = new DefaultIndenter("  ", "\n");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(nl));
      TruthWriter t = new TruthWriter(o, p, g);
      g.writeStartObject();
      t.design(ledger);
      t.zone(planted);
      t.dimensions(planted);
      t.counts(ledger, tally, responses);
      g.writeObjectFieldStart("customer_group");
      ledger.forEach(false, (id, group) -> t.field(id, group));
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private void design(CustomerLedger ledger) throws IOException {
    g.writeObjectFieldStart("generator");
    g.writeNumberField("customers", o.customers());
    g.writeNumberField("days", o.days());
    g.writeStringField("start_date", p.startDate().toString());
    g.writeStringField("end_date", p.endDate().toString());
    g.writeNumberField("seed", o.seed());
    g.writeNumberField("messy_rate", o.messyRate());
    g.writeNumberField("malformed_rate", o.messyRate() / 10);
    g.writeNumberField("duplicate_rate", InteractionWriter.duplicateRate(o.messyRate()));
    g.writeEndObject();

    g.writeObjectFieldStart("latent");
    g.writeStringField(
        "scale", "0..100 normalised; mapped to each survey's scale with stochastic rounding");
    g.writeNumberField("expectation_mean", LatentModel.EXPECTATION_MEAN);
    g.writeNumberField("expectation_sd", LatentModel.EXPECTATION_SD);
    g.writeNumberField("pain_gap_mean", LatentModel.PAIN_GAP_MEAN);
    g.writeNumberField("other_gap_mean", LatentModel.OTHER_GAP_MEAN);
    g.writeNumberField("gap_sd", LatentModel.GAP_SD);
    g.writeNumberField("customer_offset_mean_outside_pain_groups", LatentModel.OFFSET_MEAN);
    g.writeNumberField("customer_offset_sd_outside_pain_groups", LatentModel.OFFSET_SD);
    g.writeNumberField("pain_answer_probability", LatentModel.PAIN_ANSWER_PROB);
    g.writeArrayFieldStart("items_per_response");
    g.writeNumber(3);
    g.writeNumber(6);
    g.writeEndArray();
    g.writeNumberField("mean_days_between_responses", SurveyResponse.MEAN_DAYS_BETWEEN);
    g.writeObjectFieldStart("scales");
    for (int s = 0; s < SurveyResponse.SURVEY_IDS.length; s++) {
      g.writeObjectFieldStart(SurveyResponse.SURVEY_IDS[s]);
      g.writeNumberField("min", SurveyResponse.SCALE_MIN[s]);
      g.writeNumberField("max", SurveyResponse.SCALE_MAX[s]);
      g.writeNumberField("share", SurveyResponse.SURVEY_SHARES[s]);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();

    g.writeObjectFieldStart("pain_groups");
    for (PainGroup pg : PainGroup.values()) {
      g.writeObjectFieldStart(pg.id);
      g.writeArrayFieldStart("touchpoints");
      for (int tp : pg.painTouchpoints()) {
        g.writeString(Touchpoints.IDS.get(tp));
      }
      g.writeEndArray();
      g.writeNumberField("share", pg.share);
      g.writeNumberField("customers", ledger.groupCounts[pg.ordinal()]);
      g.writeEndObject();
    }
    g.writeEndObject();

    g.writeObjectFieldStart("driver_weights");
    for (int t = 0; t < Touchpoints.COUNT; t++) {
      g.writeNumberField(Touchpoints.IDS.get(t), LatentModel.WEIGHTS[t]);
    }
    g.writeEndObject();
    strings("driver_top3", List.of("support_call", "billing", "onboarding"));
    g.writeObjectFieldStart("nps_model");
    g.writeStringField("formula", "clamp(round(8 + sum_t w_t * gap_t / 10 + noise), 0, 10)");
    g.writeNumberField("intercept", LatentModel.NPS_INTERCEPT);
    g.writeNumberField("noise_sd", LatentModel.NPS_NOISE_SD);
    g.writeEndObject();

    trend(
        "trend",
        LatentModel.TREND_SEGMENT,
        "billing",
        LatentModel.TREND_DELTA,
        ledger.trendCustomers);
    trend("trend_control", "Enterprise", "website", 0, -1);
    friction();
    PlantedInitiatives.writeTruth(g, p);
  }

  /** The three-column answers: the survey that carries them, the model, what was written. */
  private void zone(PlantedScores planted) throws IOException {
    g.writeObjectFieldStart("zone_of_tolerance");
    strings("survey_ids", List.of(SurveyResponse.SURVEY_IDS[SurveyResponse.THREE_COLUMN_SURVEY]));
    g.writeNumberField("tolerance_mean", LatentModel.TOLERANCE_MEAN);
    g.writeNumberField("tolerance_sd", LatentModel.TOLERANCE_SD);
    g.writeNumberField("inversion_probability", LatentModel.INVERSION_PROB);
    g.writeStringField(
        "counts", "item rows that pass the quality rules; inversions: adequate > expectation");
    g.writeNumberField("adequate_items", planted.adequateItems);
    g.writeNumberField("inversions", planted.inversions);
    g.writeObjectFieldStart("window");
    g.writeNumberField("adequate_items", planted.windowAdequateItems);
    g.writeNumberField("inversions", planted.windowInversions);
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The planted dimension scores of the last window (segment total / all), scored as
   * gold.gap_dimension scores them: the expected gap_mean and the respondents behind it.
   */
  private void dimensions(PlantedScores planted) throws IOException {
    g.writeObjectFieldStart("dimension_scores");
    g.writeStringField(
        "method",
        "respondent mean of their per-touchpoint mean latent gap over the dimension, then mean over respondents; items in the last window that pass the quality rules");
    g.writeNumberField("window_days", LatentModel.WINDOW_DAYS);
    g.writeObjectFieldStart("dimensions");
    for (Map.Entry<String, double[]> d : planted.dimensions.entrySet()) {
      double[] acc = d.getValue();
      g.writeObjectFieldStart(d.getKey());
      if (acc[1] > 0) {
        g.writeNumberField("gap_mean", acc[0] / acc[1]);
      } else {
        g.writeNullField("gap_mean");
      }
      g.writeNumberField("respondents", (long) acc[1]);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void trend(String name, String segment, String tp, double delta, long customers)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("segment_dimension", "segment");
    g.writeStringField("segment_value", segment);
    g.writeStringField("touchpoint", tp);
    g.writeNumberField("delta", delta);
    g.writeNumberField("window_days", LatentModel.WINDOW_DAYS);
    if (customers >= 0) {
      g.writeNumberField("customers", customers);
    }
    g.writeEndObject();
  }

  private void friction() throws IOException {
    g.writeObjectFieldStart("friction");
    g.writeStringField("group", PainGroup.BILLING_SUPPORT.id);
    strings("touchpoints", List.of("billing", "support_call"));
    g.writeStringField("channel", "phone");
    g.writeNumberField("extra_contacts_per_90_days", Contacts.EXTRA_PAIN_CONTACTS_PER_90_DAYS);
    g.writeNumberField("wait_s_mean", Contacts.PAIN_WAIT_MEAN);
    g.writeNumberField("wait_s_sd", Contacts.PAIN_WAIT_SD);
    g.writeNumberField("abandon_probability", Contacts.PAIN_ABANDON_PROB);
    g.writeNumberField("repeat_within_7_days_probability", Contacts.PAIN_REPEAT_PROB);
    g.writeObjectFieldStart("baseline");
    g.writeNumberField("contacts_per_90_days", Contacts.CONTACTS_PER_90_DAYS);
    g.writeNumberField("wait_s_mean", Contacts.WAIT_MEAN);
    g.writeNumberField("wait_s_sd", Contacts.WAIT_SD);
    g.writeNumberField("abandon_probability", Contacts.ABANDON_PROB);
    g.writeNumberField("repeat_within_7_days_probability", Contacts.REPEAT_PROB);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void counts(CustomerLedger ledger, Tally tally, long[] responses) throws IOException {
    g.writeObjectFieldStart("customers_as_of_end");
    for (Map.Entry<String, Map<String, Long>> d : ledger.asOfEnd.entrySet()) {
      longs(d.getKey(), d.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("future_versions");
    g.writeNumberField("count", ledger.futureVersions);
    g.writeArrayFieldStart("customers");
    ledger.forEach(true, (id, group) -> string(id));
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("responses");
    for (SurveyResponse.Format f : SurveyResponse.Format.values()) {
      g.writeNumberField(f.name().toLowerCase(Locale.ROOT), responses[f.ordinal()]);
    }
    g.writeEndObject();
    scope(tally.all);
    g.writeObjectFieldStart("window");
    g.writeNumberField("days", LatentModel.WINDOW_DAYS);
    g.writeStringField("from", p.windowStartDate().toString());
    g.writeStringField("to", p.endDate().toString());
    scope(tally.window);
    g.writeEndObject();
    g.writeObjectFieldStart("files");
    for (Map.Entry<String, Tally.Counts> f : tally.files.entrySet()) {
      g.writeObjectFieldStart(f.getKey());
      scope(f.getValue());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void scope(Tally.Counts c) throws IOException {
    longs("rows", c.rows);
    g.writeObjectFieldStart("quarantine");
    for (Map.Entry<String, Map<String, Long>> s : c.quarantine.entrySet()) {
      longs(s.getKey(), s.getValue());
    }
    g.writeEndObject();
    longs("duplicates", c.duplicates);
  }

  private void longs(String name, Map<String, Long> values) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : values.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private void strings(String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private void field(String name, String value) {
    try {
      g.writeStringField(name, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void string(String value) {
    try {
      g.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
