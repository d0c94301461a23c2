package dev.sluice.parser;

import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces {@code ${name}} references with the values of variables ({@code DEFINE name = 'value'}) in a
 * statement's text before it is lexed, as ksqlDB does, so that a variable can stand for any part of a
 * statement: a name, a number, a whole clause. Names match case-insensitively, because {@code DEFINE}
 * upper-cases unquoted names like every other identifier.
 *
 * <p>Inside a {@code '...'} string the value's quotes are doubled, so that the string stays one string;
 * references in quoted identifiers and comments are left alone; references to undefined variables are
 * left as they are (outside a string the parser then reports them).
 */
public final class VariableSubstitutor {
  private VariableSubstitutor() {}

  public static String substitute(String text, Map<String, String> variables) {
    if (variables.isEmpty() || !text.contains("${")) {
      return text;
    }
    Map<String, String> lookup = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    lookup.putAll(variables);
    StringBuilder out = new StringBuilder(text.length());
    char quote = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quote == 0 && text.startsWith("--", i)) {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        out.append(text, i, end);
        i = end;
        continue;
      }
      if (quote == 0 && text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        out.append(text, i, end);
        i = end;
        continue;
      }
      if ((quote == 0 || quote == '\'') && text.startsWith("${", i)) {
        int close = text.indexOf('}', i + 2);
        String value = close < 0 ? null : lookup.get(text.substring(i + 2, close));
        if (value != null) {
          out.append(quote == '\'' ? value.replace("'", "''") : value);
          i = close + 1;
          continue;
        }
      }
      if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
        quote = c;
      } else if (c == quote) {
        // A doubled quote inside a quoted text closes and reopens it, which leaves the state as it was.
        quote = 0;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
