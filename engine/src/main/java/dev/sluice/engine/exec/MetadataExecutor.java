package dev.sluice.engine.exec;

import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.env.TopicAdmin;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHOW / LIST and DESCRIBE: read-only views of the metastore and of Kafka. The EXTENDED forms answer with
 * ksqlDB's list entities: every source as DESCRIBE EXTENDED describes it, every query as EXPLAIN does, and
 * the topics with their consumer groups.
 */
final class MetadataExecutor {
  private final EngineContext ctx;
  private final ExplainExecutor explain;

  MetadataExecutor(EngineContext ctx, ExplainExecutor explain) {
    this.ctx = ctx;
    this.explain = explain;
  }

  /**
   * @param variables the session variables as the request's statements have left them so far (sent in
   *     {@code sessionVariables}, then changed by DEFINE and UNDEFINE)
   */
  KsqlEntity list(String text, Statement.ListStatement stmt, Map<String, Object> properties,
      Map<String, String> variables) {
    switch (stmt.what()) {
      case STREAMS:
        return stmt.extended()
            ? new Entities.SourceDescriptionList(text, descriptions(SourceKind.STREAM, true), List.of())
            : new Entities.StreamsList(text, sources(SourceKind.STREAM), List.of());
      case TABLES:
        return stmt.extended()
            ? new Entities.SourceDescriptionList(text, descriptions(SourceKind.TABLE, true), List.of())
            : new Entities.TablesList(text, sources(SourceKind.TABLE), List.of());
      case QUERIES:
        return stmt.extended()
            ? new Entities.QueryDescriptionList(text,
                ctx.metaStore.queries().stream().map(explain::describe).toList(), List.of())
            : new Entities.QueriesList(text, ctx.metaStore.queries().stream().map(this::running).toList(),
                List.of());
      case TOPICS:
      case ALL_TOPICS:
        return topics(text, stmt);
      case VARIABLES:
        return new Entities.VariablesList(text, variables.entrySet().stream()
            .map(v -> new Entities.Variable(v.getKey(), v.getValue())).toList(), List.of());
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

  /**
   * SHOW [ALL] TOPICS [EXTENDED]: topics whose names start with {@code _} are Kafka's and the engine's own,
   * hidden unless ALL is given.
   */
  private KsqlEntity topics(String text, Statement.ListStatement stmt) {
    boolean all = stmt.what() == Statement.ListKind.ALL_TOPICS;
    Map<String, List<Integer>> replicas = new TreeMap<>();
    ctx.topics.replicaInfo(false).forEach((name, info) -> {
      if (all || !name.startsWith("_")) {
        replicas.put(name, info);
      }
    });
    if (!stmt.extended()) {
      List<Entities.KafkaTopic> topics = new ArrayList<>();
      replicas.forEach((name, info) -> topics.add(new Entities.KafkaTopic(name, info)));
      return new Entities.KafkaTopicsList(text, topics, List.of());
    }
    Map<String, TopicAdmin.TopicConsumers> consumers = ctx.topics.consumers();
    List<Entities.KafkaTopicInfoExtended> topics = new ArrayList<>();
    replicas.forEach((name, info) -> {
      TopicAdmin.TopicConsumers c = consumers.getOrDefault(name, new TopicAdmin.TopicConsumers(0, 0));
      topics.add(new Entities.KafkaTopicInfoExtended(name, info, c.consumers(), c.groups()));
    });
    return new Entities.KafkaTopicsListExtended(text, topics, List.of());
  }

  private List<Entities.SourceDescription> descriptions(SourceKind kind, boolean extended) {
    return ctx.metaStore.sources().stream().filter(s -> s.kind() == kind).map(s -> description(s, extended))
        .toList();
  }

  private List<Entities.SourceInfo> sources(SourceKind kind) {
    return ctx.metaStore.sources().stream().filter(s -> s.kind() == kind)
        .map(s -> new Entities.SourceInfo(kind.name(), s.name(), s.topic(), s.keyFormat(), s.valueFormat(),
            s.formatProperties().containsKey("WINDOW_TYPE")))
        .toList();
  }

  private Entities.RunningQuery running(PersistentQueryInfo q) {
    String state = ctx.reportedState(q.id());
    return new Entities.RunningQuery(q.statementText(), List.of(q.sink()), List.of(q.sinkTopic()), q.id(),
        Map.of(state, 1), "PERSISTENT", state);
  }

  /** DESCRIBE source [EXTENDED] and DESCRIBE STREAMS / TABLES [EXTENDED], which describes each of them. */
  KsqlEntity describe(String text, Statement.Describe stmt) {
    if (stmt.name().isEmpty()) {
      SourceKind kind = stmt.all().orElseThrow(() ->
          SluiceException.statement(stmt.pos(), "DESCRIBE needs a source name, STREAMS or TABLES."));
      return new Entities.SourceDescriptionList(text, descriptions(kind, stmt.extended()), List.of());
    }
    String name = stmt.name().get();
    DataSource ds = ctx.metaStore.source(name).orElseThrow(() ->
        SluiceException.statement(stmt.pos(), "Could not find STREAM/TABLE '" + name + "' in the Metastore"));
    return new Entities.SourceDescriptionEntity(text, description(ds, stmt.extended()), List.of());
  }

  private Entities.SourceDescription description(DataSource ds, boolean extended) {
    var topic = ctx.topics.describe(ds.topic()).orElse(new TopicAdmin.TopicInfo(0, 0));
    List<Entities.FieldInfo> fields = ds.schema().columns().stream()
        .map(c -> new Entities.FieldInfo(c.name(), schema(c.type()), c.isKey() ? "KEY" : null)).toList();
    return new Entities.SourceDescription(ds.name(), ds.formatProperties().get("WINDOW_TYPE"),
        ctx.metaStore.readers(ds.name()).stream().map(this::ref).toList(),
        ctx.metaStore.writers(ds.name()).stream().map(this::ref).toList(), fields, ds.kind().name(),
        ds.timestampColumn().map(t -> t.column()).orElse(""), "", "", extended, ds.keyFormat(), ds.valueFormat(),
        ds.topic(), topic.partitions(), topic.replicas(), ds.statement());
  }

  private Entities.QueryRef ref(PersistentQueryInfo q) {
    return new Entities.QueryRef(q.id(), q.statementText(), List.of(q.sink()), List.of(q.sinkTopic()), ctx.reportedState(q.id()));
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
