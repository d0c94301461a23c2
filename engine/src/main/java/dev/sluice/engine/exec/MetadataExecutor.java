package dev.sluice.engine.exec;

import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SHOW / LIST and DESCRIBE: read-only views of the metastore and of Kafka. */
final class MetadataExecutor {
  private final EngineContext ctx;

  MetadataExecutor(EngineContext ctx) {
    this.ctx = ctx;
  }

  KsqlEntity list(String text, Statement.ListStatement stmt, Map<String, Object> properties) {
    switch (stmt.what()) {
      case STREAMS:
        return new Entities.StreamsList(text, sources(SourceKind.STREAM), List.of());
      case TABLES:
        return new Entities.TablesList(text, sources(SourceKind.TABLE), List.of());
      case QUERIES:
        return new Entities.QueriesList(text, ctx.metaStore.queries().stream().map(this::running).toList(),
            List.of());
      case TOPICS:
      case ALL_TOPICS: {
        List<Entities.KafkaTopic> topics = new ArrayList<>();
        ctx.topics.list(false).forEach((name, partitions) -> {
          if (stmt.what() == Statement.ListKind.ALL_TOPICS || !name.startsWith("_")) {
            topics.add(new Entities.KafkaTopic(name, java.util.Collections.nCopies(partitions, 1)));
          }
        });
        return new Entities.KafkaTopicsList(text, topics, List.of());
      }
      case PROPERTIES: {
        Map<String, String> all = new TreeMap<>();
        ctx.config.streamsProperties().forEach((k, v) -> all.put("ksql.streams." + k, String.valueOf(v)));
        all.put("ksql.service.id", ctx.config.serviceId());
        all.put("bootstrap.servers", ctx.config.bootstrapServers());
        properties.forEach((k, v) -> all.put(k, String.valueOf(v)));
        List<Entities.Property> props = new ArrayList<>();
        all.forEach((k, v) -> props.add(new Entities.Property(k, properties.containsKey(k) ? "SESSION" : "SERVER", v)));
        return new Entities.PropertiesList(text, props, new ArrayList<>(properties.keySet()), List.of(), List.of());
      }
      default:
        throw SluiceException.statement(stmt.pos(), "SHOW " + stmt.what().name().replace('_', ' ')
            + " is not supported yet.");
    }
  }

  private List<Entities.SourceInfo> sources(SourceKind kind) {
    return ctx.metaStore.sources().stream().filter(s -> s.kind() == kind)
        .map(s -> new Entities.SourceInfo(kind.name(), s.name(), s.topic(), s.keyFormat(), s.valueFormat(),
            s.formatProperties().containsKey("WINDOW_TYPE")))
        .toList();
  }

  private Entities.RunningQuery running(PersistentQueryInfo q) {
    String state = state(q.id());
    return new Entities.RunningQuery(q.statementText(), List.of(q.sink()), List.of(q.sinkTopic()), q.id(),
        Map.of(state, 1), "PERSISTENT", state);
  }

  private String state(String queryId) {
    return ctx.reportedState(queryId);
  }

  KsqlEntity describe(String text, Statement.Describe stmt) {
    if (stmt.name().isEmpty()) {
      throw SluiceException.statement(stmt.pos(), "DESCRIBE STREAMS / TABLES is not supported yet.");
    }
    String name = stmt.name().get();
    DataSource ds = ctx.metaStore.source(name).orElseThrow(() ->
        SluiceException.statement(stmt.pos(), "Could not find STREAM/TABLE '" + name + "' in the Metastore"));
    var topic = ctx.topics.describe(ds.topic()).orElse(new dev.sluice.engine.env.TopicAdmin.TopicInfo(0, 0));
    List<Entities.FieldInfo> fields = ds.schema().columns().stream()
        .map(c -> new Entities.FieldInfo(c.name(), schema(c.type()), c.isKey() ? "KEY" : null)).toList();
    Entities.SourceDescription description = new Entities.SourceDescription(ds.name(),
        ds.formatProperties().get("WINDOW_TYPE"),
        ctx.metaStore.readers(name).stream().map(this::ref).toList(),
        ctx.metaStore.writers(name).stream().map(this::ref).toList(), fields, ds.kind().name(),
        ds.timestampColumn().map(t -> t.column()).orElse(""), "", "",
        stmt.extended(), ds.keyFormat(), ds.valueFormat(), ds.topic(), topic.partitions(), topic.replicas(), ds.statement());
    return new Entities.SourceDescriptionEntity(text, description, List.of());
  }

  private Entities.QueryRef ref(PersistentQueryInfo q) {
    return new Entities.QueryRef(q.id(), q.statementText(), List.of(q.sink()), List.of(q.sinkTopic()), state(q.id()));
  }

  static Entities.FieldSchema schema(SqlType type) {
    switch (type.base()) {
      case ARRAY:
        return new Entities.FieldSchema("ARRAY", null, schema(((SqlType.Array) type).element()), null);
      case MAP:
        return new Entities.FieldSchema("MAP", null, schema(((SqlType.Map) type).value()), null);
      case STRUCT:
        return new Entities.FieldSchema("STRUCT", ((SqlType.Struct) type).fields().stream()
            .map(f -> new Entities.FieldInfo(f.name(), schema(f.type()), null)).toList(), null, null);
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) type;
        Map<String, Integer> parameters = new java.util.LinkedHashMap<>(); // precision first, as ksqlDB prints it
        parameters.put("precision", d.precision());
        parameters.put("scale", d.scale());
        return new Entities.FieldSchema("DECIMAL", null, null, parameters);
      }
      default:
        return new Entities.FieldSchema(type.base().name(), null, null, null);
    }
  }

}
