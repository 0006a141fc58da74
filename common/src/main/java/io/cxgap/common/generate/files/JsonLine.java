package io.cxgap.common.generate.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders one JSON-lines record: integers as JSON numbers, strings as strings, null as {@code
 * null}; keys in the given order.
 */
public final class JsonLine {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLine() {}

  /** The record without its line end. */
  public static String render(List<String> names, Object[] values) {
    StringWriter sw = new StringWriter(192);
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        g.writeFieldName(names.get(i));
        Object v = values[i];
        if (v == null) {
          g.writeNull();
        } else if (v instanceof Integer n) {
          g.writeNumber(n);
        } else if (v instanceof Long n) {
          g.writeNumber(n);
        } else {
          g.writeString(v.toString());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }

  /**
   * A truncated copy of a rendered record, cut somewhere in its second half before the closing
   * brace, so no JSON parser accepts it.
   */
  public static String truncate(String json, int cutSeed) {
    int lo = json.length() / 2;
    int span = Math.max(1, json.length() - 1 - lo);
    return json.substring(0, lo + Math.floorMod(cutSeed, span));
  }
}
