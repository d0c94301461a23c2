package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.serde.registry.SchemaReference;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.parser.ParsedStatement;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.ColumnDef;
import dev.sluice.parser.ast.Literal;
import dev.sluice.parser.ast.Statement;
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

  /**
   * Registers the schemas of {@code topics[]} and works out which ids ksqlDB's mock registry would have given
   * them, so that statements naming those ids get the real ones. The reference harness collects the topics of
   * {@code topics[]} and, for topics not among them, those of the CREATE statements with columns in a format
   * with a schema (their schemas generated from the columns), in a {@link HashMap} by topic name; it then
   * registers each topic's key schema, then its value schema, in the map's order, the mock numbering them 1, 2,
   * 3 ... unless the topic declares an id. References are resolved in memory and take no id.
   */
  void register(List<JsonNode> topics, List<String> statements) {
    Map<String, Integer[]> real = new HashMap<>();
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode t : topics) {
      String name = t.path("name").asText(null);
      if (name == null) {
        continue;
      }
      byName.put(name, t);
      Integer[] sides = new Integer[2];
      real.put(name, sides);
      for (int i = 0; i < 2; i++) {
        String side = i == 0 ? "key" : "value";
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
          client.register(refName, refType, text(r.path("schema"), refType), List.of());
          refs.add(new SchemaReference(refName, refName, client.latest(refName).map(x -> x.version()).orElse(1)));
        }
        int id = client.register(name + "-" + side, type, text, refs);
        sides[i] = id;
        topicSchemas.put(name + "|" + side, new TopicSchema(id, type, text));
      }
    }
    boolean[] declaredTopic = new boolean[0];
    Map<String, boolean[]> all = new HashMap<>();
    byName.keySet().forEach(name -> all.put(name, declaredTopic));
    statementSchemas(statements).forEach(all::putIfAbsent);
    int next = 1;
    for (Map.Entry<String, boolean[]> e : all.entrySet()) {
      for (int i = 0; i < 2; i++) {
        if (e.getValue() != declaredTopic) {
          next += e.getValue()[i] ? 1 : 0; // a schema the mock would hold, that no statement here names
          continue;
        }
        Integer id = real.get(e.getKey())[i];
        if (id == null) {
          continue;
        }
        JsonNode declared = byName.get(e.getKey()).get((i == 0 ? "key" : "value") + "SchemaId");
        if (declared != null && declared.canConvertToInt()) {
          ids.put(declared.asInt(), id);
        } else {
          ids.putIfAbsent(next++, id);
        }
      }
    }
  }

  /**
   * The topics of CREATE STREAM / TABLE statements with columns, and whether their key and value formats carry
   * a registered schema (AVRO, PROTOBUF or JSON_SR, with columns on that side).
   */
  private static Map<String, boolean[]> statementSchemas(List<String> statements) {
    Map<String, boolean[]> out = new HashMap<>();
    for (String sql : statements) {
      List<ParsedStatement> parsed;
      try {
        parsed = SqlParser.parse(sql);
      } catch (RuntimeException | AssertionError | StackOverflowError e) {
        continue;
      }
      for (ParsedStatement p : parsed) {
        if (!(p.statement() instanceof Statement.CreateSource c) || c.columns().isEmpty()) {
          continue;
        }
        Map<String, Literal> props = c.properties();
        Literal topic = props.get("KAFKA_TOPIC");
        String both = upper(props.get("FORMAT"));
        String keyFormat = upper(props.get("KEY_FORMAT")) != null ? upper(props.get("KEY_FORMAT"))
            : both != null ? both : "KAFKA";
        String valueFormat = upper(props.get("VALUE_FORMAT")) != null ? upper(props.get("VALUE_FORMAT")) : both;
        boolean keys = c.columns().stream().anyMatch(d -> d.constraint() == ColumnDef.Constraint.KEY
            || d.constraint() == ColumnDef.Constraint.PRIMARY_KEY);
        boolean values = c.columns().stream().anyMatch(d -> d.constraint() == ColumnDef.Constraint.NONE);
        out.putIfAbsent(topic == null ? c.name() : topic.text(),
            new boolean[] {keys && withSchema(keyFormat), values && withSchema(valueFormat)});
      }
    }
    return out;
  }

  private static String upper(Literal l) {
    return l == null ? null : l.text().toUpperCase(Locale.ROOT);
  }

  private static boolean withSchema(String format) {
    return format != null && (format.equals("AVRO") || format.equals("PROTOBUF") || format.equals("JSON_SR"));
  }

  /** The statements with the case's declared schema ids replaced by the ids the registry gave. */
  List<String> rewrite(List<String> statements) {
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
