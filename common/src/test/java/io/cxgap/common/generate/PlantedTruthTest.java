package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted signals are present in the written files, measured here from the files alone with the
 * definitions of DESIGN.md §5, and truth.json describes them.
 */
class PlantedTruthTest {
  static final int CUSTOMERS = 3000;
  static final LocalDate END = LocalDate.of(2026, 10, 31);
  static final LocalDate WINDOW_FROM = END.minusDays(89); // 2026-08-03
  static final LocalDate START = END.minusDays(179); // 2026-05-05
  static final OffsetDateTime END_OF_DAY = END.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);

  @TempDir static Path root;
  static JsonNode truth;
  static Landing landing;
  static Map<String, String> group = new HashMap<>();

  /** CRM version as of the end date, per customer. */
  static Map<String, Landing.Row> asOfEnd = new HashMap<>();

  static Map<String, OffsetDateTime> asOfEndAt = new HashMap<>();
  static List<Item> items = new ArrayList<>();

  /** Accepted item rows with an adequate answer, and inversions among them: all, last window. */
  static long[] adequate = new long[2];

  static long[] inversions = new long[2];
  static Map<String, Double> adequateSurveys = new TreeMap<>();
  static List<Contact> contacts = new ArrayList<>();

  record Item(
      String customer, String response, LocalDate day, String touchpoint, double gap, Double nps) {}

  record Contact(
      String customer,
      OffsetDateTime at,
      String touchpoint,
      String channel,
      double waitS,
      String outcome) {}

  @BeforeAll
  static void generate() throws IOException {
    SampleGenerator.generate(GeneratorOptions.defaults(root).withCustomers(CUSTOMERS));
    truth = Landing.JSON.readTree(root.resolve("truth.json").toFile());
    truth
        .get("customer_group")
        .fields()
        .forEachRemaining(e -> group.put(e.getKey(), e.getValue().asText()));
    landing = Landing.read(root);
    ConfCatalog catalog = ConfCatalog.load();
    for (Landing.Row r : landing.customers) {
      if (LandingRules.customer(r) != null) {
        continue;
      }
      OffsetDateTime at = LandingRules.instant(r.get("updated_at"));
      String id = r.get("customer_id");
      if (at.isBefore(END_OF_DAY)
          && (!asOfEndAt.containsKey(id) || asOfEndAt.get(id).isBefore(at))) {
        asOfEnd.put(id, r);
        asOfEndAt.put(id, at);
      }
    }
    for (Landing.Row r : landing.surveys) {
      if (LandingRules.survey(r, asOfEnd.keySet(), catalog) != null) {
        continue;
      }
      double min = r.get("scale_min") == null ? 1 : Double.parseDouble(r.get("scale_min"));
      double max = r.get("scale_max") == null ? 7 : Double.parseDouble(r.get("scale_max"));
      double gap =
          100
              * (Double.parseDouble(r.get("experience")) - Double.parseDouble(r.get("expectation")))
              / (max - min);
      Double nps = r.get("overall_nps") == null ? null : Double.valueOf(r.get("overall_nps"));
      LocalDate day =
          LandingRules.instant(r.get("responded_at"))
              .atZoneSameInstant(ZoneOffset.UTC)
              .toLocalDate();
      if (r.get("adequate") != null) {
        boolean inWindow = !day.isBefore(WINDOW_FROM) && !day.isAfter(END);
        boolean inverted =
            Double.parseDouble(r.get("adequate")) > Double.parseDouble(r.get("expectation"));
        for (int k = 0; k < (inWindow ? 2 : 1); k++) {
          adequate[k]++;
          inversions[k] += inverted ? 1 : 0;
        }
        adequateSurveys.merge(r.get("survey_id"), 1.0, Double::sum);
      }
      items.add(
          new Item(
              r.get("customer_id"),
              r.get("response_id"),
              day,
              catalog.resolve(r.get("touchpoint")),
              gap,
              nps));
    }
    Set<String> events = new HashSet<>();
    for (Landing.Row r : landing.interactions) {
      if (LandingRules.interaction(r, catalog) == null && events.add(r.get("event_id"))) {
        contacts.add(
            new Contact(
                r.get("customer_id"),
                LandingRules.instant(r.get("started_at")),
                catalog.resolve(r.get("touchpoint")),
                r.get("channel"),
                Double.parseDouble(r.get("wait_s")),
                r.get("outcome")));
      }
    }
  }

  @Test
  void everyCustomerHasOneGroup_andGroupCountsAddUp() {
    Set<String> ids = new TreeSet<>();
    for (int i = 1; i <= CUSTOMERS; i++) {
      ids.add(String.format(java.util.Locale.ROOT, "C%06d", i));
    }
    assertThat(group.keySet()).isEqualTo(ids);
    assertThat(asOfEnd.keySet()).isEqualTo(ids);
    Map<String, Long> counted = new TreeMap<>();
    group.values().forEach(g -> counted.merge(g, 1L, Long::sum));
    Map<String, Long> declared = new TreeMap<>();
    Map<String, Double> shares =
        Map.of("billing_support", 0.25, "digital", 0.25, "delivery", 0.20, "content", 0.30);
    truth
        .get("pain_groups")
        .fields()
        .forEachRemaining(e -> declared.put(e.getKey(), e.getValue().get("customers").asLong()));
    assertThat(counted).isEqualTo(declared);
    assertThat(declared.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CUSTOMERS);
    shares.forEach(
        (g, s) ->
            assertThat(declared.get(g) / (double) CUSTOMERS).as(g).isCloseTo(s, within(0.04)));
    assertThat(truth.at("/pain_groups/billing_support/touchpoints").toString())
        .isEqualTo("[\"billing\",\"support_call\"]");
  }

  /** The touchpoints that are no group's pain; they carry the customers' personal offsets. */
  private static final Set<String> NO_GROUPS_PAIN =
      Set.of("onboarding", "store_visit", "support_chat", "renewal");

  @Test
  void
      gaps_areAboutMinus35OnTheGroupsPainTouchpoints_plus3Elsewhere_andAbout10MoreOffThePainGroups() {
    Map<String, List<String>> pains =
        Map.of(
            "billing_support",
            List.of("billing", "support_call"),
            "digital",
            List.of("app", "website"),
            "delivery",
            List.of("delivery", "checkout"),
            "content",
            List.of());
    Map<String, double[]> sums = new TreeMap<>();
    for (Item i : items) {
      String g = group.get(i.customer());
      boolean pain = pains.get(g).contains(i.touchpoint());
      if (!pain && i.touchpoint().equals("billing")) {
        continue; // carries the SMB trend
      }
      String kind = pain ? "pain" : NO_GROUPS_PAIN.contains(i.touchpoint()) ? "free" : "other";
      double[] s = sums.computeIfAbsent(g + "/" + kind, k -> new double[2]);
      s[0] += i.gap();
      s[1]++;
    }
    sums.forEach(
        (k, s) -> {
          double mean = s[0] / s[1];
          if (k.endsWith("/free")) {
            // 3 + the personal offsets' mean of 10 = 13 before the experience is clamped at the
            // top of the scale; the clamp only lowers it: for an experience ~ N(75 + 13, 8² + 20² +
            // 8²) it takes E[max(0, X - 100)] ≈ 4 points
            assertThat(mean).as(k).isBetween(6.5, 13.0);
          } else {
            assertThat(mean).as(k).isCloseTo(k.endsWith("pain") ? -35 : 3, within(2.5));
          }
        });
    assertThat(sums).hasSize(11);
  }

  @Test
  void painGroupCustomers_answerTheirPainTouchpointsInTheLatestWindow() {
    Map<String, Set<String>> answered = new HashMap<>();
    for (Item i : items) {
      if (!i.day().isBefore(WINDOW_FROM)) {
        answered.computeIfAbsent(i.customer(), c -> new HashSet<>()).add(i.touchpoint());
      }
    }
    int withPain = 0;
    int total = 0;
    for (Map.Entry<String, Set<String>> e : answered.entrySet()) {
      String g = group.get(e.getKey());
      if (g.equals("content")) {
        continue;
      }
      total++;
      List<String> pain = new ArrayList<>();
      truth.at("/pain_groups/" + g + "/touchpoints").forEach(t -> pain.add(t.asText()));
      withPain += e.getValue().stream().anyMatch(pain::contains) ? 1 : 0;
    }
    assertThat((double) withPain / total).isGreaterThan(0.95);
  }

  @Test
  void smbBillingGap_dropsBy15InTheLatestWindow_controlCellStaysFlat() {
    assertThat(truth.at("/trend/delta").asDouble()).isEqualTo(-15.0);
    assertThat(windowDelta("SMB", "billing")).isCloseTo(-15, within(3.0));
    assertThat(truth.at("/trend_control/segment_value").asText()).isEqualTo("Enterprise");
    assertThat(windowDelta("Enterprise", "website")).isCloseTo(0, within(3.0));
  }

  @Test
  void nps_followsTheDriverWeights_perGroup() {
    // 8 + Σ w·gap/10 with w = support_call .45, billing .20, onboarding .18, delivery .05,
    // others .02; the gap is 3 elsewhere, plus the personal offsets' mean of 10 on onboarding,
    // store_visit, support_chat and renewal (weights .18 + 3·.02 = .24, so + .24·10/10 = .24):
    // content: 8 + 1.00·3/10 + .24 = 8.54; billing_support: 8 - .65·35/10 + .35·3/10 + .24 = 6.07;
    // delivery: 8 - .07·35/10 + .93·3/10 + .24 = 8.27; digital: 8 - .04·35/10 + .96·3/10 + .24 =
    // 8.39
    Map<String, Double> expected =
        Map.of("content", 8.54, "billing_support", 6.07, "delivery", 8.27, "digital", 8.39);
    Map<String, double[]> sums = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Item i : items) {
      if (i.nps() != null && seen.add(i.response())) {
        double[] s = sums.computeIfAbsent(group.get(i.customer()), g -> new double[2]);
        s[0] += i.nps();
        s[1]++;
      }
    }
    expected.forEach(
        (g, v) -> assertThat(sums.get(g)[0] / sums.get(g)[1]).as(g).isCloseTo(v, within(0.25)));
    assertThat(truth.at("/driver_weights/support_call").asDouble()).isEqualTo(0.45);
    assertThat(truth.at("/driver_top3").toString())
        .isEqualTo("[\"support_call\",\"billing\",\"onboarding\"]");
  }

  @Test
  void touchpointsOutsideEveryPainGroup_carryALastingPersonalOffset_painTouchpointsDoNot() {
    // a customer's mean gap on onboarding: 3 + offset (mean 10, sd 20) + answer noise; on website
    // for
    // content customers: 3 + answer noise only. Answer noise is sd 8 on the latent scale plus the
    // rounding to a 5- or 7-point scale (about 10 in all, measured); clamping to the scale's ends
    // takes a little of the offset's spread.
    double onboarding = sdOfCustomerMeans("onboarding", null);
    double noiseOnly = sdOfCustomerMeans("website", "content");
    assertThat(onboarding).isBetween(16.0, 24.0);
    assertThat(noiseOnly).isBetween(6.0, 13.0);
    assertThat(onboarding).isGreaterThan(1.5 * noiseOnly);
  }

  /** Standard deviation over customers of each customer's mean gap on a touchpoint. */
  private double sdOfCustomerMeans(String touchpoint, String onlyGroup) {
    Map<String, double[]> perCustomer = new HashMap<>();
    for (Item i : items) {
      if (i.touchpoint().equals(touchpoint)
          && (onlyGroup == null || onlyGroup.equals(group.get(i.customer())))) {
        double[] s = perCustomer.computeIfAbsent(i.customer(), k -> new double[2]);
        s[0] += i.gap();
        s[1]++;
      }
    }
    double[] means = perCustomer.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
    double mean = java.util.Arrays.stream(means).average().orElseThrow();
    double ss = java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum();
    return Math.sqrt(ss / (means.length - 1));
  }

  @Test
  void billingSupportPhoneContacts_waitLong_getAbandoned_andRepeat() {
    double[] pain = new double[4]; // contacts, wait, abandoned, repeated
    double[] other = new double[4];
    Map<String, List<Contact>> byCustomer = new HashMap<>();
    contacts.forEach(c -> byCustomer.computeIfAbsent(c.customer(), k -> new ArrayList<>()).add(c));
    for (Contact c : contacts) {
      boolean p = group.get(c.customer()).equals("billing_support") && c.channel().equals("phone");
      double[] s = p ? pain : other;
      s[0]++;
      s[1] += c.waitS();
      s[2] += "abandoned".equals(c.outcome()) ? 1 : 0;
      boolean repeated =
          byCustomer.get(c.customer()).stream()
              .anyMatch(
                  d ->
                      d.touchpoint().equals(c.touchpoint())
                          && d.at().isAfter(c.at())
                          && !d.at().isAfter(c.at().plusDays(7)));
      s[3] += repeated ? 1 : 0;
    }
    assertThat(pain[1] / pain[0]).as("wait_s, billing_support phone").isCloseTo(900, within(50.0));
    assertThat(other[1] / other[0]).as("wait_s, others").isCloseTo(61, within(8.0));
    assertThat(pain[2] / pain[0])
        .as("abandoned, billing_support phone")
        .isCloseTo(0.40, within(0.04));
    assertThat(other[2] / other[0]).as("abandoned, others").isCloseTo(0.05, within(0.015));
    assertThat(pain[3] / pain[0])
        .as("repeat within 7 days, billing_support phone")
        .isGreaterThan(0.45);
    assertThat(other[3] / other[0]).as("repeat within 7 days, others").isLessThan(0.2);
  }

  @Test
  void contactsPerCustomer_areAbout5Per90Days() {
    // customers signed up before the period, outside billing_support: 5 per 90 days plus 8% repeats
    Set<String> eligible = new HashSet<>();
    asOfEnd.forEach(
        (id, r) -> {
          if (LocalDate.parse(r.get("signup_date")).isBefore(START)
              && !group.get(id).equals("billing_support")) {
            eligible.add(id);
          }
        });
    long n = contacts.stream().filter(c -> eligible.contains(c.customer())).count();
    assertThat(n / (double) eligible.size() / 2).isCloseTo(5.4, within(0.4));
  }

  @Test
  void futureVersions_areListedInTruth_andDatedAfterTheEndDate() {
    Set<String> after = new TreeSet<>();
    for (Landing.Row r : landing.customers) {
      if (LandingRules.customer(r) == null
          && !LandingRules.instant(r.get("updated_at")).isBefore(END_OF_DAY)) {
        after.add(r.get("customer_id"));
      }
    }
    Set<String> listed = new TreeSet<>();
    truth.at("/future_versions/customers").forEach(c -> listed.add(c.asText()));
    assertThat(after).isEqualTo(listed).hasSize(truth.at("/future_versions/count").asInt());
    assertThat(listed.size() / (double) CUSTOMERS).isCloseTo(0.02, within(0.01));
  }

  @Test
  void segmentCountsAsOfTheEndDate_matchTruth() {
    for (String d : List.of("segment", "region", "tier")) {
      Map<String, Long> counted = new TreeMap<>();
      asOfEnd
          .values()
          .forEach(r -> counted.merge(r.get(d) == null ? "unknown" : r.get(d), 1L, Long::sum));
      Map<String, Long> declared = new TreeMap<>();
      truth
          .at("/customers_as_of_end/" + d)
          .fields()
          .forEachRemaining(e -> declared.put(e.getKey(), e.getValue().asLong()));
      assertThat(counted).as(d).isEqualTo(declared);
      assertThat(counted).as(d).containsKey("unknown");
    }
  }

  private static double windowDelta(String segment, String touchpoint) {
    double[] cur = new double[2];
    double[] prev = new double[2];
    for (Item i : items) {
      Landing.Row crm = asOfEnd.get(i.customer());
      if (!i.touchpoint().equals(touchpoint) || !segment.equals(crm.get("segment"))) {
        continue;
      }
      double[] s = i.day().isBefore(WINDOW_FROM) ? prev : cur;
      s[0] += i.gap();
      s[1]++;
    }
    assertThat(prev[1]).isGreaterThan(100);
    assertThat(cur[1]).isGreaterThan(100);
    return cur[0] / cur[1] - prev[0] / prev[1];
  }

  @Test
  void threeColumnAnswers_areTheS10Survey_withAFewInversions_andTruthCountsThem() {
    JsonNode zone = truth.get("zone_of_tolerance");
    assertThat(adequateSurveys.keySet())
        .as("surveys with adequate answers")
        .containsExactly("S-10");
    assertThat(zone.get("survey_ids").get(0).asText()).isEqualTo("S-10");
    assertThat(zone.get("adequate_items").asLong()).isEqualTo(adequate[0]);
    assertThat(zone.get("inversions").asLong()).isEqualTo(inversions[0]);
    assertThat(zone.get("window").get("adequate_items").asLong()).isEqualTo(adequate[1]);
    assertThat(zone.get("window").get("inversions").asLong()).isEqualTo(inversions[1]);
    // a quarter of the responses; 3% planted inversions, plus the few a tolerance below one scale
    // step leaves above expectation after rounding
    assertThat(adequate[0] / (double) items.size()).isCloseTo(0.25, within(0.04));
    assertThat(inversions[0] / (double) adequate[0]).isBetween(0.02, 0.08);
  }

  @Test
  void plantedDimensionScores_matchTheRespondentLevelScoresOfTheWindowsFiles() {
    Map<String, String> dimension = new HashMap<>();
    for (int t = 0; t < Touchpoints.COUNT; t++) {
      dimension.put(Touchpoints.IDS.get(t), Touchpoints.DIMENSIONS.get(t));
    }
    // respondent -> touchpoint -> (sum, n) over the window's accepted items
    Map<String, Map<String, double[]>> perItem = new TreeMap<>();
    for (Item i : items) {
      if (!i.day().isBefore(WINDOW_FROM) && !i.day().isAfter(END)) {
        perItem
            .computeIfAbsent(i.customer(), c -> new TreeMap<>())
            .computeIfAbsent(i.touchpoint(), t -> new double[2]);
        double[] acc = perItem.get(i.customer()).get(i.touchpoint());
        acc[0] += i.gap();
        acc[1]++;
      }
    }
    Map<String, double[]> scores = new TreeMap<>(); // dimension -> (sum of respondent means, n)
    for (Map<String, double[]> tps : perItem.values()) {
      Map<String, double[]> mine = new TreeMap<>();
      tps.forEach(
          (tp, acc) -> {
            double[] m = mine.computeIfAbsent(dimension.get(tp), d -> new double[2]);
            m[0] += acc[0] / acc[1];
            m[1]++;
          });
      mine.forEach(
          (d, m) -> {
            double[] s = scores.computeIfAbsent(d, x -> new double[2]);
            s[0] += m[0] / m[1];
            s[1]++;
          });
    }
    JsonNode planted = truth.get("dimension_scores").get("dimensions");
    assertThat(planted.size()).isEqualTo(5);
    scores.forEach(
        (d, s) -> {
          JsonNode p = planted.get(d);
          assertThat(p.get("respondents").asLong()).as(d + " respondents").isEqualTo((long) s[1]);
          // the files' scores differ from the latent ones by rounding noise only
          assertThat(s[0] / s[1])
              .as(d + " gap_mean from the files")
              .isCloseTo(p.get("gap_mean").asDouble(), within(1.0));
        });
  }
}
