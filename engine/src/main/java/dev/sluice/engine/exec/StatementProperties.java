package dev.sluice.engine.exec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ksqlDB properties a statement runs with: the server's {@code ksql.*} configuration overridden by the
 * request's properties and the session's {@code SET}s. Only statement time reads them: what they decide
 * (formats, topic names) is written into the command, so a replay never depends on them.
 */
record StatementProperties(Map<String, Object> values) {
  static final String DEFAULT_KEY_FORMAT = "ksql.persistence.default.format.key";
  static final String DEFAULT_VALUE_FORMAT = "ksql.persistence.default.format.value";
  static final String OUTPUT_TOPIC_PREFIX = "ksql.output.topic.name.prefix";
  static final String NEW_QUERY_PLANNER = "ksql.new.query.planner.enabled";

  static StatementProperties of(Map<String, ?> server, Map<String, ?> request) {
    Map<String, Object> merged = new HashMap<>(server);
    merged.putAll(request);
    return new StatementProperties(merged);
  }

  /** The key format of a CREATE without KEY_FORMAT or FORMAT; ksqlDB's default is KAFKA. */
  String defaultKeyFormat() {
    return format(DEFAULT_KEY_FORMAT, "KAFKA");
  }

  /** The value format of a CREATE without VALUE_FORMAT or FORMAT; null when none is configured. */
  String defaultValueFormat() {
    return format(DEFAULT_VALUE_FORMAT, null);
  }

  /** What the default name of a CREATE ... AS SELECT's topic starts with. */
  String outputTopicPrefix() {
    Object prefix = values.get(OUTPUT_TOPIC_PREFIX);
    return prefix == null ? "" : prefix.toString();
  }

  /** Whether a persistent projection of a stream may leave out its key ({@code ksql.new.query.planner.enabled}). */
  boolean keylessProjections() {
    Object enabled = values.get(NEW_QUERY_PLANNER);
    return enabled != null && Boolean.parseBoolean(enabled.toString().trim());
  }

  private String format(String key, String fallback) {
    Object value = values.get(key);
    return value == null || value.toString().isBlank() ? fallback : value.toString().trim().toUpperCase(Locale.ROOT);
  }
}
