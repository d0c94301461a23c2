package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@code queries}: the answer to {@code SHOW QUERIES}, one row per running query. */
public final class QueriesRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("queries");
  }

  @Override
  public String render(JsonNode entity) {
    Table table = Table.withHeader("Query ID", "Query Type", "Status", "Sink Name", "Sink Kafka Topic",
        "Query String");
    for (JsonNode query : entity.path("queries")) {
      table.row(queryId(query.get("id")), Json.text(query, "queryType", ""), status(query),
          Json.joined(query, "sinks"), Json.joined(query, "sinkKafkaTopics"),
          Json.text(query, "queryString", ""));
    }
    return table.render() + "For detailed information on a Query run: EXPLAIN <Query ID>;\n";
  }

  /** ksqlDB sends the id as text, older versions as {@code {"id":"..."}}. */
  static String queryId(JsonNode id) {
    if (id == null || id.isNull()) {
      return "";
    }
    return id.isObject() ? id.path("id").asText() : id.asText();
  }

  /** {@code RUNNING:1} from {@code statusCount} as ksqlDB shows it, else the plain {@code state}. */
  static String status(JsonNode query) {
    JsonNode counts = query.get("statusCount");
    if (counts != null && counts.isObject() && counts.size() > 0) {
      StringBuilder out = new StringBuilder();
      Iterator<Map.Entry<String, JsonNode>> entries = counts.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        if (out.length() > 0) {
          out.append(',');
        }
        out.append(entry.getKey()).append(':').append(entry.getValue().asText());
      }
      return out.toString();
    }
    return Json.text(query, "state", "");
  }
}
