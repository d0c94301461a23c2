package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * {@code sourceDescription} ({@code DESCRIBE s}) and {@code source_descriptions}
 * ({@code DESCRIBE STREAMS EXTENDED}): the source's properties as {@code Label : value} lines, its
 * columns as a {@code Field | Type} table with the key columns marked, and the queries that read from
 * and write to it.
 *
 * <p>Key columns are marked {@code (key)} on a stream and {@code (primary key)} on a table, as ksqlDB
 * marks them, so the two kinds of key stay distinguishable.
 */
public final class SourceDescriptionRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("sourceDescription", "source_descriptions");
  }

  @Override
  public String render(JsonNode entity) {
    if (entity.has("sourceDescriptions")) {
      StringBuilder out = new StringBuilder();
      for (JsonNode description : entity.path("sourceDescriptions")) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(describe(description));
      }
      return out.toString();
    }
    return describe(entity.path("sourceDescription"));
  }

  static String describe(JsonNode source) {
    String type = Json.text(source, "type", "");
    StringBuilder out = new StringBuilder();
    property(out, "Name", Json.text(source, "name", ""));
    property(out, "Type", type);
    String timestamp = Json.text(source, "timestamp", "");
    property(out, "Timestamp field", timestamp.isEmpty() ? "Not set - using <ROWTIME>" : timestamp);
    property(out, "Key format", Json.text(source, "keyFormat", ""));
    property(out, "Value format", Json.text(source, "valueFormat", ""));
    String topic = Json.text(source, "topic", "");
    if (source.has("partitions")) {
      topic += " (partitions: " + source.path("partitions").asText() + ", replication: "
          + source.path("replication").asText() + ")";
    }
    property(out, "Kafka topic", topic);
    String windowType = Json.text(source, "windowType", "");
    if (!windowType.isEmpty()) {
      property(out, "Window type", windowType);
    }
    String statement = Json.text(source, "statement", "");
    if (!statement.isEmpty()) {
      property(out, "Statement", statement);
    }
    out.append('\n');
    out.append(fields(source.path("fields"), "TABLE".equals(type.toUpperCase(Locale.ROOT))));
    String noun = type.isEmpty() ? "source" : type;
    queries(out, "Queries that read from this " + noun, source.path("readQueries"));
    queries(out, "Queries that write to this " + noun, source.path("writeQueries"));
    String statistics = Json.text(source, "statistics", "");
    String errors = Json.text(source, "errorStats", "");
    if (!statistics.isEmpty() || !errors.isEmpty()) {
      out.append('\n').append("Local runtime statistics\n------------------------\n");
      out.append(statistics).append(statistics.endsWith("\n") ? "" : "\n");
      if (!errors.isEmpty()) {
        out.append(errors).append(errors.endsWith("\n") ? "" : "\n");
      }
    }
    return out.toString();
  }

  /** The {@code Field | Type} table; shared with the query description. */
  static String fields(JsonNode fields, boolean table) {
    Table out = Table.withHeader("Field", "Type");
    for (JsonNode field : fields) {
      String type = TypeFormatter.format(field.get("schema"));
      String kind = Json.text(field, "type", "");
      if (kind.equals("KEY")) {
        type += table ? " (primary key)" : " (key)";
      } else if (kind.equals("HEADER")) {
        String headerKey = Json.text(field, "headerKey", "");
        type += headerKey.isEmpty() ? " (headers)" : " (header('" + headerKey + "'))";
      }
      out.row(Json.text(field, "name", ""), type);
    }
    return out.render();
  }

  private static void queries(StringBuilder out, String title, JsonNode queries) {
    if (!queries.isArray() || queries.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append('\n').append("-".repeat(title.length())).append('\n');
    for (JsonNode query : queries) {
      out.append(QueriesRenderer.queryId(query.get("id")))
          .append(" (").append(QueriesRenderer.status(query)).append(") : ")
          .append(Json.text(query, "queryString", "").replace('\n', ' ')).append('\n');
    }
    out.append("\nFor query topology and execution plan please run: EXPLAIN <QueryId>\n");
  }

  static void property(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-20s : %s", label, value)).append('\n');
  }
}
