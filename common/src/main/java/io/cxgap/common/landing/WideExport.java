package io.cxgap.common.landing;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Wide survey exports (DESIGN.md §4, docs/landing-format.md): one row per response, with an
 * expectation and an experience column per touchpoint, and optionally an adequate column, named by
 * the configured prefixes. Read as one record per answered touchpoint.
 */
final class WideExport {
  private final LandingColumns columns;
  private final String expectation;
  private final String experience;
  private final String adequate;

  WideExport(LandingColumns columns, LandingReader.WidePrefixes prefixes) {
    this.columns = columns;
    this.expectation = prefixes.expectation().toLowerCase(Locale.ROOT);
    this.experience = prefixes.experience().toLowerCase(Locale.ROOT);
    this.adequate = prefixes.adequate().toLowerCase(Locale.ROOT);
  }

  /** Whether a CSV header is a wide survey export: no touchpoint column, an expectation pair. */
  boolean isWide(List<String> header) {
    return columns.source() == Source.SURVEYS
        && !header.contains(Columns.TOUCHPOINT)
        && header.stream().anyMatch(h -> h.startsWith(expectation));
  }

  /** Whether {@code column} is one of a wide export's item columns (a pair or an adequate). */
  boolean isPair(String column) {
    return column.startsWith(expectation)
        || column.startsWith(experience)
        || column.startsWith(adequate);
  }

  /** The columns a file with {@code header} must have (the pairs stand in for the item columns). */
  List<String> required(List<String> header) {
    if (!isWide(header)) {
      return columns.source().required();
    }
    List<String> required = new ArrayList<>(columns.source().required());
    required.removeAll(List.of(Columns.TOUCHPOINT, Columns.EXPECTATION, Columns.EXPERIENCE));
    return required;
  }

  /**
   * The non-item columns of a wide header; an expectation column without its experience column, or
   * an adequate column without its expectation column, is an error.
   */
  List<String> base(List<String> names, String file) {
    List<String> base = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(expectation)) {
        String other = experience + n.substring(expectation.length());
        if (!names.contains(other)) {
          throw CxErrors.usage(
              "surveys: wide export %s has '%s' but no '%s'; every expectation column needs its experience column",
              file, n, other);
        }
      } else if (n.startsWith(adequate)) {
        String other = expectation + n.substring(adequate.length());
        if (!names.contains(other)) {
          throw CxErrors.usage(
              "surveys: wide export %s has '%s' but no '%s'; an adequate column needs the touchpoint's expectation and experience columns",
              file, n, other);
        }
      } else if (!n.startsWith(experience)) {
        base.add(n);
      }
    }
    return base;
  }

  /**
   * One record per touchpoint whose cells are not all blank; the touchpoint is the column name
   * after the prefix, the adequate value null where the export has no adequate column for it.
   * {@code df} holds the CSV columns {@code names} and the corrupt-record column.
   */
  Dataset<Row> unpivot(Dataset<Row> df, List<String> names, String file, Column malformed) {
    List<String> base = base(names, file);
    columns.require(base, required(names), file);
    List<Column> pairs = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(expectation)) {
        String tp = n.substring(expectation.length());
        String adq = adequate + tp;
        pairs.add(
            struct(
                lit(tp).as(Columns.TOUCHPOINT),
                col("`" + n + "`").as(Columns.EXPECTATION),
                col("`" + experience + tp + "`").as(Columns.EXPERIENCE),
                (names.contains(adq) ? col("`" + adq + "`") : lit(null).cast("string"))
                    .as(Columns.ADEQUATE)));
      }
    }
    Column blankPair =
        blank(col("p." + Columns.EXPECTATION))
            .and(blank(col("p." + Columns.EXPERIENCE)))
            .and(blank(col("p." + Columns.ADEQUATE)));
    Dataset<Row> items =
        df.withColumn("_malformed", malformed)
            .select(col("*"), explode(array(pairs.toArray(new Column[0]))).as("p"))
            .where(col("_malformed").isNotNull().or(not(blankPair)));
    Column[] baseCols = base.stream().map(n -> col("`" + n + "`")).toArray(Column[]::new);
    Column raw =
        coalesce(
            col(LandingReader.CORRUPT),
            to_json(struct(struct(baseCols).as("response"), col("p").as("item"))));
    List<String> present = new ArrayList<>(base);
    present.addAll(
        List.of(Columns.TOUCHPOINT, Columns.EXPECTATION, Columns.EXPERIENCE, Columns.ADEQUATE));
    Dataset<Row> flat =
        items.select(
            col("*"),
            col("p." + Columns.TOUCHPOINT).as(Columns.TOUCHPOINT),
            col("p." + Columns.EXPECTATION).as(Columns.EXPECTATION),
            col("p." + Columns.EXPERIENCE).as(Columns.EXPERIENCE),
            col("p." + Columns.ADEQUATE).as(Columns.ADEQUATE));
    return flat.select(columns.project(present, raw, col("_malformed")));
  }

  static Column blank(Column c) {
    return c.isNull().or(trim(c).equalTo(""));
  }
}
