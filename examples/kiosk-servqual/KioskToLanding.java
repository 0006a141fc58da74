import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the kiosk SERVQUAL study (shared/data/kiosk-servqual: the wide questionnaire export and
 * its respondent file) into a cxgap landing zone: one CRM row per respondent and the survey in long
 * format, one row per answered item. No channel logs: the study has none, and cxgap runs on
 * surveys alone.
 *
 * <p>Run with Java 17 and nothing else: {@code java examples/kiosk-servqual/KioskToLanding.java
 * DATA_DIR LANDING_DIR}.
 *
 * <ul>
 *   <li>customer_id: K + the respondent's row number (K001..K211);
 *   <li>CRM columns: sample ({@code clean} for the 194 respondents the authors kept, else {@code
 *       excluded}), gender, age_band, usage_frequency, from kiosk_respondents.csv;
 *   <li>touchpoint kiosk_qNN for item NN, taken from the header's number (item 9's pair stands
 *       before item 8's in the file); expectation from "N-1 … (기대 설문)", experience from "N-2 …
 *       (인지 설문)", on 1..7; a blank answer writes no row;
 *   <li>overall_nps from "would recommend" (1..5): 10·(x − 1)/4;
 *   <li>every answer dated 2021-05-20 (the file has no dates), the CRM 2021-05-01.
 * </ul>
 */
public class KioskToLanding {
  private static final Pattern ITEM =
      Pattern.compile("^(\\d+)-([12])\\.\\s*.*\\((기대|인지) 설문\\)\\s*$");
  private static final String RESPONDED_AT = "2021-05-20T09:00:00Z";
  private static final String UPDATED_AT = "2021-05-01T00:00:00Z";

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java KioskToLanding.java DATA_DIR LANDING_DIR");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    Path landing = Path.of(args[1]);
    List<List<String>> wide = csv(data.resolve("kiosk_utf8.csv"));
    List<List<String>> people = csv(data.resolve("kiosk_respondents.csv"));
    List<String> header = wide.get(0);
    Map<Integer, int[]> items = new TreeMap<>(); // item number -> {expectation col, experience col}
    for (int c = 0; c < header.size(); c++) {
      Matcher m = ITEM.matcher(header.get(c).strip());
      if (m.matches()) {
        int[] cols = items.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new int[2]);
        cols[m.group(2).equals("1") ? 0 : 1] = c;
      }
    }
    if (items.size() != 24) {
      throw new IllegalStateException("expected 24 SERVQUAL items, found " + items.size());
    }
    List<String> ph = people.get(0);
    StringBuilder crm =
        new StringBuilder("customer_id,updated_at,sample,gender,age_band,usage_frequency\n");
    StringBuilder surveys =
        new StringBuilder(
            "response_id,customer_id,responded_at,touchpoint,expectation,experience,"
                + "scale_min,scale_max,overall_nps\n");
    int answers = 0;
    for (int r = 1; r < wide.size(); r++) {
      List<String> row = wide.get(r);
      List<String> person = people.get(r);
      if (!person.get(ph.indexOf("respondent_id")).equals(Integer.toString(r))) {
        throw new IllegalStateException("kiosk_respondents.csv row " + r + " is out of order");
      }
      String id = String.format(Locale.ROOT, "K%03d", r);
      String clean = person.get(ph.indexOf("in_authors_clean_sample"));
      crm.append(
          String.join(
              ",",
              id,
              UPDATED_AT,
              clean.equals("1") ? "clean" : "excluded",
              person.get(ph.indexOf("gender")),
              person.get(ph.indexOf("age_band")),
              quote(person.get(ph.indexOf("usage_frequency")))));
      crm.append('\n');
      String recommend = person.get(ph.indexOf("would_recommend")).strip();
      String nps =
          recommend.isEmpty()
              ? ""
              : Double.toString(10.0 * (Double.parseDouble(recommend) - 1) / 4);
      for (Map.Entry<Integer, int[]> item : items.entrySet()) {
        String expectation = row.get(item.getValue()[0]).strip();
        String experience = row.get(item.getValue()[1]).strip();
        if (expectation.isEmpty() || experience.isEmpty()) {
          continue;
        }
        surveys.append(
            String.join(
                ",",
                id + "-S",
                id,
                RESPONDED_AT,
                String.format(Locale.ROOT, "kiosk_q%02d", item.getKey()),
                expectation,
                experience,
                "1",
                "7",
                nps));
        surveys.append('\n');
        answers++;
      }
    }
    write(landing.resolve("customers/customers.csv"), crm.toString());
    write(landing.resolve("surveys/surveys.csv"), surveys.toString());
    System.out.printf(
        Locale.ROOT,
        "KioskToLanding: %d respondents, %d item answers -> %s (customers/, surveys/)%n",
        wide.size() - 1,
        answers,
        landing);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
  static List<List<String>> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
