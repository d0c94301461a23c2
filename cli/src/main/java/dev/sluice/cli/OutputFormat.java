package dev.sluice.cli;

import java.util.Locale;

/** How results print: ksqlDB's tables, or the server's JSON unchanged (for scripts and tools). */
public enum OutputFormat {
  TABULAR, JSON;

  /** Parses {@code tabular}/{@code JSON} in any case; throws with the accepted values otherwise. */
  public static OutputFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown output format '" + text + "': use TABULAR or JSON", e);
    }
  }
}
