package dev.sluice.engine.exec;

import java.util.Locale;

/** Column names written as string values (WITH clauses): upper-cased unless back-quoted, as identifiers are. */
final class Names {
  private Names() {}

  static String column(String text) {
    String t = text.trim();
    if (t.length() >= 2 && t.startsWith("`") && t.endsWith("`")) {
      return t.substring(1, t.length() - 1);
    }
    return t.toUpperCase(Locale.ROOT);
  }
}
