package io.cxgap.common.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The rules of DESIGN.md §4 and docs/landing-format.md, written again for tests: the first rule a
 * row breaks, or null when it passes.
 */
final class LandingRules {
  static final Set<String> CHANNELS = Set.of("web", "app", "phone", "chat", "email", "store");
  static final Set<String> OUTCOMES =
      Set.of("resolved", "unresolved", "abandoned", "escalated", "failed");

  private LandingRules() {}

  static String customer(Landing.Row r) {
    if (r.get("customer_id") == null || r.get("updated_at") == null) {
      return "missing_required";
    }
    if (instant(r.get("updated_at")) == null) {
      return "bad_timestamp";
    }
    if (r.get("signup_date") != null && date(r.get("signup_date")) == null) {
      return "bad_timestamp";
    }
    return null;
  }

  static String survey(Landing.Row r, Set<String> knownCustomers, ConfCatalog catalog) {
    if (r.malformed()) {
      return "malformed";
    }
    for (String c :
        List.of(
            "response_id",
            "customer_id",
            "responded_at",
            "touchpoint",
            "expectation",
            "experience")) {
      if (r.get(c) == null) {
        return "missing_required";
      }
    }
    if (instant(r.get("responded_at")) == null) {
      return "bad_timestamp";
    }
    for (String c :
        List.of("expectation", "experience", "adequate", "scale_min", "scale_max", "overall_nps")) {
      if (r.get(c) != null && number(r.get(c)) == null) {
        return "bad_number";
      }
    }
    double min = r.get("scale_min") == null ? 1 : number(r.get("scale_min"));
    double max = r.get("scale_max") == null ? 7 : number(r.get("scale_max"));
    double e = number(r.get("expectation"));
    double x = number(r.get("experience"));
    if (min >= max || e < min || e > max || x < min || x > max) {
      return "out_of_range";
    }
    if (r.get("adequate") != null) {
      double a = number(r.get("adequate"));
      if (a < min || a > max) {
        return "out_of_range";
      }
    }
    if (r.get("overall_nps") != null) {
      double nps = number(r.get("overall_nps"));
      if (nps < 0 || nps > 10) {
        return "out_of_range";
      }
    }
    if (!knownCustomers.contains(r.get("customer_id").trim())) {
      return "unknown_customer";
    }
    if (catalog.resolve(r.get("touchpoint")) == null) {
      return "unknown_touchpoint";
    }
    return null;
  }

  static String interaction(Landing.Row r, ConfCatalog catalog) {
    if (r.malformed()) {
      return "malformed";
    }
    for (String c : List.of("event_id", "customer_id", "channel", "touchpoint", "started_at")) {
      if (r.get(c) == null) {
        return "missing_required";
      }
    }
    if (instant(r.get("started_at")) == null) {
      return "bad_timestamp";
    }
    for (String c : List.of("wait_s", "duration_s")) {
      if (r.get(c) != null && number(r.get(c)) == null) {
        return "bad_number";
      }
    }
    for (String c : List.of("wait_s", "duration_s")) {
      if (r.get(c) != null && number(r.get(c)) < 0) {
        return "out_of_range";
      }
    }
    if (!CHANNELS.contains(r.get("channel").trim())) {
      return "unknown_channel";
    }
    if (catalog.resolve(r.get("touchpoint")) == null) {
      return "unknown_touchpoint";
    }
    if (r.get("outcome") != null && !OUTCOMES.contains(r.get("outcome").trim())) {
      return "unknown_outcome";
    }
    return null;
  }

  /** ISO timestamp without offset (UTC) or with one; null when it does not parse. */
  static OffsetDateTime instant(String s) {
    try {
      return LocalDateTime.parse(s.trim()).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s.trim());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Double number(String s) {
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isNaN(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
