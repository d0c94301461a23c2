package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.metastore.MetaStore;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a case's {@code post} block (README section 9) against the metastore and topics after the run:
 * each expected source by name, kind, logical schema (column order included), key and value formats,
 * window and serde features; and the partitions and formats of the non-internal topics it names.
 */
final class PostConditions {

  private static final Pattern HEADER = Pattern.compile("\\s+HEADERS?(\\s*\\(.*\\))?\\s*$",
      Pattern.CASE_INSENSITIVE);

  private PostConditions() {}

  /**
   * Why the post-conditions do not hold, or empty.
   *
   */
  static Optional<String> check(JsonNode post, MetaStore metaStore, InMemoryKafka kafka) {
    if (post == null || post.isNull()) {
      return Optional.empty();
    }
    for (JsonNode expected : post.path("sources")) {
      Optional<String> why = source(expected, metaStore);
      if (why.isPresent()) {
        return why;
      }
    }
    for (JsonNode t : post.path("topics").path("topics")) {
      Optional<String> why = topic(t, metaStore, kafka);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /**
   * The engine-specific part of {@code post.topics}: a topic matching the blacklist (in ksqlDB's corpus,
   * {@code .*-repartition}: "this query needs no repartition"). Sluice's internal topics are its own, so a
   * match is reported apart, never as a failure.
   */
  static Optional<String> blacklisted(JsonNode post, Collection<String> topicNames) {
    JsonNode blacklist = post == null ? null : post.path("topics").get("blacklist");
    if (blacklist == null || !blacklist.isTextual()) {
      return Optional.empty();
    }
    try {
      Pattern p = Pattern.compile(blacklist.asText());
      return topicNames.stream().filter(t -> p.matcher(t).matches()).findFirst()
          .map(t -> "engine-specific: topic " + t + " matches ksqlDB's post.topics blacklist " + blacklist.asText());
    } catch (PatternSyntaxException e) {
      return Optional.of("engine-specific: bad post.topics blacklist " + blacklist.asText());
    }
  }

  private static Optional<String> source(JsonNode expected, MetaStore metaStore) {
    String name = expected.path("name").asText();
    Optional<DataSource> found = metaStore.source(name);
    if (found.isEmpty()) {
      return Optional.of("post.sources: no source named " + name + " (sources: "
          + metaStore.sources().stream().map(DataSource::name).toList() + ")");
    }
    DataSource ds = found.get();
    String prefix = "post.sources: " + name + ": ";
    String type = expected.path("type").asText();
    if (!type.isEmpty() && !type.equalsIgnoreCase(ds.kind().name())) {
      return Optional.of(prefix + "expected a " + type.toLowerCase(Locale.ROOT) + ", got a "
          + ds.kind().name().toLowerCase(Locale.ROOT));
    }
    JsonNode schema = expected.get("schema");
    if (schema != null && schema.isTextual()) {
      Optional<String> why = schema(schema.asText(), ds);
      if (why.isPresent()) {
        return Optional.of(prefix + why.get());
      }
    }
    JsonNode keyFormat = expected.get("keyFormat");
    if (keyFormat != null && keyFormat.isObject()) {
      String format = keyFormat.path("format").asText(null);
      if (format != null && !format.equalsIgnoreCase(ds.keyFormat())) {
        return Optional.of(prefix + "key format " + format + " != " + ds.keyFormat());
      }
      String windowType = keyFormat.path("windowType").asText(null);
      String actualWindow = ds.formatProperties().get("WINDOW_TYPE");
      if (windowType == null ? actualWindow != null : !windowType.equalsIgnoreCase(String.valueOf(actualWindow))) {
        return Optional.of(prefix + "window type " + windowType + " != " + actualWindow);
      }
      JsonNode windowSize = keyFormat.get("windowSize");
      String actualSize = ds.formatProperties().get("WINDOW_SIZE");
      if (windowSize != null && !windowSize.isNull() && !windowSize.asText().equals(actualSize)) {
        return Optional.of(prefix + "window size " + windowSize.asText() + " != " + actualSize);
      }
    }
    JsonNode valueFormat = expected.get("valueFormat");
    if (valueFormat != null && valueFormat.isTextual() && !valueFormat.asText().equalsIgnoreCase(ds.valueFormat())) {
      return Optional.of(prefix + "value format " + valueFormat.asText() + " != " + ds.valueFormat());
    }
    Optional<String> features = features(expected.get("keyFeatures"), keyFeatures(ds), "key");
    if (features.isEmpty()) {
      features = features(expected.get("valueFeatures"), valueFeatures(ds), "value");
    }
    if (features.isPresent()) {
      return Optional.of(prefix + features.get());
    }
    JsonNode isSource = expected.get("isSource");
    if (isSource != null && isSource.isBoolean() && isSource.booleanValue() != ds.source()) {
      return Optional.of(prefix + "isSource " + isSource.booleanValue() + " != " + ds.source());
    }
    return Optional.empty();
  }

  private static Optional<String> features(JsonNode expected, Set<String> actual, String which) {
    if (expected == null || !expected.isArray()) {
      return Optional.empty();
    }
    Set<String> want = new TreeSet<>();
    expected.forEach(f -> want.add(f.asText().toUpperCase(Locale.ROOT)));
    return want.equals(actual) ? Optional.empty()
        : Optional.of(which + " features " + want + " != " + actual);
  }

  /**
   * ksqlDB's key serde features: a single key column in a format that can both wrap and unwrap it (JSON,
   * JSON_SR, AVRO) is unwrapped. KAFKA and DELIMITED only unwrap and PROTOBUF only wraps, so they name none.
   */
  static Set<String> keyFeatures(DataSource ds) {
    Set<String> out = new TreeSet<>();
    if (ds.schema().keyColumns().size() == 1 && UNWRAPPABLE_KEYS.contains(ds.keyFormat().toUpperCase(Locale.ROOT))) {
      out.add("UNWRAP_SINGLES");
    }
    return out;
  }

  private static final Set<String> UNWRAPPABLE_KEYS = Set.of("JSON", "JSON_SR", "AVRO");

  static Set<String> valueFeatures(DataSource ds) {
    Set<String> out = new TreeSet<>();
    String wrap = ds.formatProperties().get("WRAP_SINGLE_VALUE");
    if (wrap != null) {
      out.add(Boolean.parseBoolean(wrap.trim()) ? "WRAP_SINGLES" : "UNWRAP_SINGLES");
    }
    return out;
  }

  private static Optional<String> schema(String expectedText, DataSource ds) {
    List<SchemaColumn> expected;
    try {
      expected = parseSchema(expectedText);
    } catch (RuntimeException e) {
      return Optional.of("cannot read the expected schema '" + expectedText + "': " + e.getMessage());
    }
    List<SchemaColumn> actual = ds.schema().columns().stream()
        .map(c -> new SchemaColumn(c.name(), c.type(), c.namespace())).toList();
    if (!expected.equals(actual)) {
      return Optional.of("schema " + format(expected) + " != " + format(actual));
    }
    return Optional.empty();
  }

  private static String format(List<SchemaColumn> columns) {
    List<String> parts = new ArrayList<>();
    for (SchemaColumn c : columns) {
      parts.add("`" + c.name() + "` " + c.type().sql() + switch (c.namespace()) {
        case KEY -> " KEY";
        case HEADERS -> " HEADERS";
        default -> "";
      });
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /** A column of a schema string: its name, type and namespace (key, value or headers). */
  record SchemaColumn(String name, SqlType type, Column.Namespace namespace) {}

  /**
   * Reads a ksqlDB logical schema string such as {@code ID INT KEY, `v` STRUCT<A STRING>}: unquoted names are
   * upper-cased, {@code KEY} and {@code PRIMARY KEY} mark key columns.
   */
  static List<SchemaColumn> parseSchema(String text) {
    List<SchemaColumn> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    for (String part : splitTopLevel(text)) {
      String p = part.strip();
      String name;
      String rest;
      if (p.startsWith("`")) {
        int end = p.indexOf('`', 1);
        while (end > 0 && end + 1 < p.length() && p.charAt(end + 1) == '`') {
          end = p.indexOf('`', end + 2);
        }
        name = p.substring(1, end).replace("``", "`");
        rest = p.substring(end + 1).strip();
      } else {
        int space = p.indexOf(' ');
        name = p.substring(0, space).toUpperCase(Locale.ROOT);
        rest = p.substring(space + 1).strip();
      }
      Column.Namespace namespace = Column.Namespace.VALUE;
      String upper = rest.toUpperCase(Locale.ROOT);
      java.util.regex.Matcher header = HEADER.matcher(rest);
      if (upper.endsWith(" PRIMARY KEY")) {
        namespace = Column.Namespace.KEY;
        rest = rest.substring(0, rest.length() - " PRIMARY KEY".length());
      } else if (upper.endsWith(" KEY")) {
        namespace = Column.Namespace.KEY;
        rest = rest.substring(0, rest.length() - " KEY".length());
      } else if (header.find()) {
        namespace = Column.Namespace.HEADERS;
        rest = rest.substring(0, header.start());
      }
      out.add(new SchemaColumn(name, SqlType.parse(rest.strip()), namespace));
    }
    return out;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        quoted = !quoted;
      } else if (!quoted && (c == '<' || c == '(')) {
        depth++;
      } else if (!quoted && (c == '>' || c == ')')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static Optional<String> topic(JsonNode expected, MetaStore metaStore, InMemoryKafka kafka) {
    String name = expected.path("name").asText();
    if (!kafka.exists(name)) {
      return Optional.of("post.topics: no topic " + name);
    }
    JsonNode partitions = expected.get("partitions");
    if (partitions != null && partitions.isNumber() && partitions.intValue() != kafka.partitions(name)) {
      return Optional.of("post.topics: " + name + ": partitions " + partitions.intValue() + " != "
          + kafka.partitions(name));
    }
    Optional<DataSource> ds = metaStore.sources().stream().filter(s -> s.topic().equals(name)).findFirst();
    if (ds.isPresent()) {
      String keyFormat = expected.path("keyFormat").path("format").asText(null);
      if (keyFormat != null && !keyFormat.equalsIgnoreCase(ds.get().keyFormat())) {
        return Optional.of("post.topics: " + name + ": key format " + keyFormat + " != " + ds.get().keyFormat());
      }
      String valueFormat = expected.path("valueFormat").path("format").asText(null);
      if (valueFormat != null && !valueFormat.equalsIgnoreCase(ds.get().valueFormat())) {
        return Optional.of("post.topics: " + name + ": value format " + valueFormat + " != "
            + ds.get().valueFormat());
      }
    }
    return Optional.empty();
  }
}
