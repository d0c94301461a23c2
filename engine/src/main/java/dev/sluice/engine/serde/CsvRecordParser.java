package dev.sluice.engine.serde;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one DELIMITED record into its fields (RFC 4180: a field that starts with {@code "} runs to the
 * closing quote, {@code ""} inside it is a quote; other fields run to the delimiter, quotes included).
 * One trailing line break is tolerated; a second line, or text between a closing quote and the
 * delimiter, is an error. Empty input is one empty field.
 */
final class CsvRecordParser {

  private CsvRecordParser() {}

  static List<String> parse(String text, char delimiter) {
    List<String> fields = new ArrayList<>();
    int n = text.length();
    int end = n;
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    int i = 0;
    StringBuilder quoted = null;
    while (true) {
      if (i < end && text.charAt(i) == '"') {
        if (quoted == null) {
          quoted = new StringBuilder();
        }
        quoted.setLength(0);
        i++;
        while (true) {
          if (i >= end) {
            throw new SerdeException("EOF reached before encapsulated token finished");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < end && text.charAt(i) == '"') {
              quoted.append('"');
              i++;
            } else {
              break;
            }
          } else {
            quoted.append(c);
          }
        }
        fields.add(quoted.toString());
        if (i < end && text.charAt(i) != delimiter) {
          throw new SerdeException(text.charAt(i) == '\n' || text.charAt(i) == '\r'
              ? "A DELIMITED record must be a single line" : "Invalid char between encapsulated token and delimiter");
        }
      } else {
        int start = i;
        while (i < end && text.charAt(i) != delimiter) {
          char c = text.charAt(i);
          if (c == '\n' || c == '\r') {
            throw new SerdeException("A DELIMITED record must be a single line");
          }
          i++;
        }
        fields.add(text.substring(start, i));
      }
      if (i >= end) {
        return fields;
      }
      i++; // the delimiter
    }
  }
}
