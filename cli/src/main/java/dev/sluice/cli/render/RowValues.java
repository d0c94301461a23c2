package dev.sluice.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one row line of a query response ({@code ["u1","/home",0.10,null]}) into the cell texts.
 * Numbers keep the exact text the server wrote ({@code 0.10} stays {@code 0.10}, a DECIMAL keeps every
 * digit), strings lose their quotes, nested arrays, maps and structs print as compact JSON.
 */
public final class RowValues {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private RowValues() {
  }

  public static List<String> parse(String line) throws IOException {
    List<String> values = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("A row must be a JSON array: " + line);
      }
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new IOException("Unterminated row: " + line);
        }
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
          values.add(MAPPER.readTree(parser).toString());
        } else if (token == JsonToken.VALUE_NULL) {
          values.add("null");
        } else {
          values.add(parser.getText());
        }
      }
    }
    return values;
  }
}
