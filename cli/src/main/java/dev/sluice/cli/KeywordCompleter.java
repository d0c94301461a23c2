package dev.sluice.cli;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion of SQL keywords (upper case, as ksqlDB's CLI offers them) and of the console commands
 * at the start of a line. JLine matches them case-insensitively.
 */
final class KeywordCompleter implements Completer {
  static final List<String> KEYWORDS = List.of(
      "ADVANCE", "ALL", "AND", "ARRAY", "AS", "ASSERT", "BEGINNING", "BETWEEN", "BIGINT", "BOOLEAN", "BY",
      "BYTES", "CASE", "CAST", "CHANGES", "CONNECTOR", "CONNECTORS", "CREATE", "DATE", "DECIMAL", "DEFINE",
      "DELETE", "DESCRIBE", "DISTINCT", "DOUBLE", "DROP", "ELSE", "EMIT", "END", "EXISTS", "EXPLAIN",
      "EXTENDED", "FALSE", "FINAL", "FROM", "FULL", "FUNCTION", "FUNCTIONS", "GRACE", "GROUP", "HAVING",
      "HEADER", "HEADERS", "HOPPING", "IF", "IN", "INNER", "INSERT", "INT", "INTEGER", "INTERVAL", "INTO",
      "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "LIST", "MAP", "NOT", "NULL", "ON", "OR", "OUTER",
      "PARTITION", "PAUSE", "PERIOD", "PRIMARY", "PRINT", "PROPERTIES", "QUERIES", "QUERY", "REPLACE",
      "RESUME", "RETENTION", "RIGHT", "RUN", "SCRIPT", "SELECT", "SESSION", "SET", "SHOW", "SINK", "SIZE",
      "SOURCE", "STREAM", "STREAMS", "STRING", "STRUCT", "TABLE", "TABLES", "TERMINATE", "THEN", "TIME",
      "TIMESTAMP", "TOPIC", "TOPICS", "TRUE", "TUMBLING", "TYPE", "TYPES", "UNDEFINE", "UNSET", "VALUES",
      "VARCHAR", "VARIABLES", "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN");
  static final List<String> COMMANDS = List.of(
      "clear", "exit", "help", "history", "output", "quit", "server", "spool", "version");

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String keyword : KEYWORDS) {
      candidates.add(new Candidate(keyword));
    }
    if (line.wordIndex() == 0) {
      for (String command : COMMANDS) {
        candidates.add(new Candidate(command));
      }
    }
  }
}
