package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.serde.registry.SchemaReference;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The Schema Registry side of a case, as ksqlDB's harness sets it up (QTT README section 5): before the
 * statements run, the registry is emptied and the schemas of the case's {@code topics[]} are registered under
 * {@code <topic>-key} / {@code <topic>-value} (references first, under their own names), and inputs of such a
 * topic are written with its registered schema. A real registry hands out its own ids, so the ids a case
 * declares ({@code valueSchemaId}) are mapped to the real ones in the statements' {@code *_SCHEMA_ID}. Cases
 * that use the registry run one at a time ({@link #LOCK}), because subjects are named after topics, which cases
 * share.
 */
final class CaseSchemas {
  /** Held while a case that uses the registry runs. */
  static final ReentrantLock LOCK = new ReentrantLock(true);
  private static final Pattern SCHEMA_ID = Pattern.compile("\\b((?:KEY|VALUE)_SCHEMA_ID\\s*=\\s*)(\\d+)",
      Pattern.CASE_INSENSITIVE);

  /** A schema the case registered for a topic's keys or values. */
  record TopicSchema(int id, String type, String text) {}

  private final SchemaRegistryClient client;
  private final Map<String, TopicSchema> topicSchemas = new HashMap<>();
  private final Map<Integer, Integer> ids = new HashMap<>();
  private final List<Integer> order = new ArrayList<>();
  private final Map<String, Schema> parsedAvro = new HashMap<>();

  CaseSchemas(SchemaRegistryClient client) {
    this.client = client;
  }

  /** Deletes every subject, so that the case starts from an empty registry. */
  void reset() {
    // A subject that others reference can only go after them: retry until nothing is left.
    List<String> left = client.subjects();
    for (int round = 0; !left.isEmpty() && round < 5; round++) {
      for (String subject : left) {
        try {
          client.deleteSubject(subject);
        } catch (RuntimeException e) {
          // still referenced; the next round deletes it
        }
      }
      left = client.subjects();
    }
  }

  /** Registers the schemas of {@code topics[]}. */
  void register(List<JsonNode> topics) {
    for (JsonNode t : topics) {
      String name = t.path("name").asText(null);
      if (name == null) {
        continue;
      }
      for (String side : List.of("key", "value")) {
        JsonNode schema = t.get(side + "Schema");
        if (schema == null || schema.isNull()) {
          continue;
        }
        String type = type(t.path(side + "Format").asText("AVRO"));
        String text = text(schema, type);
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode r : t.path(side + "SchemaReferences")) {
          String refName = r.path("name").asText();
          String refType = type(r.path("format").asText(type));
          // ksqlDB's harness resolves references in memory: they take none of the mock registry's ids
          client.register(refName, refType, text(r.path("schema"), refType), List.of());
          refs.add(new SchemaReference(refName, refName, client.latest(refName).map(s -> s.version()).orElse(1)));
        }
        int id = registered(client.register(name + "-" + side, type, text, refs));
        topicSchemas.put(name + "|" + side, new TopicSchema(id, type, text));
        JsonNode declared = t.get(side + "SchemaId");
        if (declared != null && declared.canConvertToInt()) {
          ids.put(declared.asInt(), id);
        }
      }
    }
  }

  /**
   * Notes an id the registry gave: ksqlDB's mock registry numbers new schemas 1, 2, 3 ..., which statements
   * may name without the case declaring them.
   */
  private int registered(int id) {
    if (!order.contains(id)) {
      order.add(id);
    }
    return id;
  }

  /** The statements with the case's declared schema ids replaced by the ids the registry gave. */
  List<String> rewrite(List<String> statements) {
    for (int i = 0; i < order.size(); i++) {
      if (!ids.containsKey(i + 1) && !ids.containsValue(order.get(i))) {
        ids.put(i + 1, order.get(i));
      }
    }
    if (ids.isEmpty()) {
      return statements;
    }
    List<String> out = new ArrayList<>();
    for (String s : statements) {
      Matcher m = SCHEMA_ID.matcher(s);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        Integer real = ids.get(Integer.parseInt(m.group(2)));
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + (real == null ? m.group(2) : real)));
      }
      m.appendTail(sb);
      out.add(sb.toString());
    }
    return out;
  }

  /**
   * The bytes of an input key or value written with the schema the case registered for its topic, or null when
   * it registered none (the source's own serde writes it then) or the schema is not one the runner writes.
   */
  byte[] encode(String topic, boolean key, JsonNode node) {
    TopicSchema s = topicSchemas.get(topic + "|" + (key ? "key" : "value"));
    if (s == null || !s.type().equals("AVRO")) {
      return null;
    }
    if (node == null || node.isNull()) {
      return null;
    }
    Schema schema = parsedAvro.computeIfAbsent(s.text(), t -> new Schema.Parser().parse(t));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    header(out, s.id());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<>(schema).write(AvroJson.datum(node, schema), encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Whether the case registered a schema for this topic's keys or values. */
  boolean has(String topic, boolean key) {
    return topicSchemas.containsKey(topic + "|" + (key ? "key" : "value"));
  }

  static void header(ByteArrayOutputStream out, int id) {
    out.write(0);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
  }

  /** The registry's schema type of a QTT format name: JSON_SR schemas are JSON schemas. */
  private static String type(String format) {
    String f = format.toUpperCase(Locale.ROOT);
    return switch (f) {
      case "JSON_SR", "JSON" -> "JSON";
      case "PROTOBUF", "PROTOBUF_NOSR" -> "PROTOBUF";
      default -> "AVRO";
    };
  }

  /** The schema's text: a .proto string as is, an Avro or JSON schema as JSON (a bare {@code "int"} quoted). */
  private static String text(JsonNode schema, String type) {
    if (type.equals("PROTOBUF")) {
      return schema.asText();
    }
    return schema.toString();
  }
}
