package dev.sluice.engine.exec;

import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.command.Command;
import dev.sluice.engine.env.TopicAdmin;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.ColumnDef;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.catalog.PseudoColumns;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CREATE STREAM/TABLE over a topic, and DROP: statements that register or remove a source. */
final class DdlExecutor {
  private final EngineContext ctx;

  DdlExecutor(EngineContext ctx) {
    this.ctx = ctx;
  }

  Optional<KsqlEntity> create(String text, Statement.CreateSource stmt, StatementProperties props) {
    String kind = stmt.kind() == SourceKind.STREAM ? "Stream" : "Table";
    Optional<DataSource> existing = ctx.metaStore.source(stmt.name());
    if (existing.isPresent() && !stmt.orReplace()) {
      if (stmt.ifNotExists()) {
        return Optional.of(status(text, stmt.kind(), stmt.name(), "create",
            "Cannot add " + kind.toLowerCase(Locale.ROOT) + " " + stmt.name() + ": A "
                + existing.get().kind().name().toLowerCase(Locale.ROOT) + " with the same name already exists."));
      }
      throw SluiceException.statement(stmt.pos(), "Cannot add " + kind.toLowerCase(Locale.ROOT) + " '"
          + stmt.name() + "': A " + existing.get().kind().name().toLowerCase(Locale.ROOT)
          + " with the same name already exists");
    }
    if (stmt.orReplace() && (stmt.source() || existing.map(DataSource::source).orElse(false))) {
      throw SluiceException.statement(stmt.pos(), "Cannot add " + kind.toLowerCase(Locale.ROOT) + " '"
          + stmt.name() + "': CREATE OR REPLACE is not supported on source " + kind.toLowerCase(Locale.ROOT)
          + "s.");
    }
    if (existing.isPresent() && !ctx.metaStore.writers(stmt.name()).isEmpty()) {
      throw SluiceException.statement(stmt.pos(), "Cannot replace " + stmt.name()
          + ": it is written by a query. Use CREATE OR REPLACE ... AS SELECT instead.");
    }
    WithClause with = new WithClause(stmt, stmt.properties(), WithClause.CREATE);
    String topic = with.string("KAFKA_TOPIC").orElse(null);
    Optional<Integer> partitions = with.integer("PARTITIONS");
    if (topic == null) {
      throw SluiceException.statement(stmt.pos(), "Missing required property \"KAFKA_TOPIC\" which has no"
          + " default value.");
    }
    Map<String, String> formatProperties = new java.util.HashMap<>(with.formatProperties(Map.of()));
    LogicalSchema schema = schema(stmt, with, topic, formatProperties, props);
    String keyFormat = with.keyFormat(schema.keyColumns().isEmpty() ? "NONE" : props.defaultKeyFormat());
    String valueFormat = with.valueFormat(props.defaultValueFormat());
    formatProperties.putAll(with.window());
    if (formatProperties.containsKey("WINDOW_TYPE") && schema.keyColumns().isEmpty()) {
      throw SluiceException.statement(stmt.pos(), "Windowed sources require a key column.");
    }
    DataSource source = new DataSource(stmt.name(), stmt.kind(), schema, topic, keyFormat, valueFormat,
        formatProperties, text, stmt.source(), with.timestamp(schema));
    ctx.serdes.key(schema.keyColumns(), Sources.formats(source), "validation");
    ctx.serdes.value(schema.valueColumns(), Sources.formats(source), "validation");

    Optional<TopicAdmin.TopicInfo> described = ctx.topics.describe(topic);
    if (described.isEmpty()) {
      if (partitions.isEmpty()) {
        throw SluiceException.statement(stmt.pos(), "Topic '" + topic + "' does not exist. If you want to create"
            + " a new topic for the " + kind.toLowerCase(Locale.ROOT) + " please re-run the statement providing"
            + " the required 'PARTITIONS' configuration in the WITH clause (and optionally 'REPLICAS'). For"
            + " example: CREATE " + kind.toUpperCase(Locale.ROOT) + " " + stmt.name()
            + " (...) WITH (KAFKA_TOPIC='" + topic + "', PARTITIONS=2, REPLICAS=1, FORMAT='JSON');");
      }
      ctx.topics.ensure(topic, partitions.get(), (short) with.integer("REPLICAS").orElse(1).intValue(),
          topicConfig(with, stmt.kind()));
    } else if (partitions.isPresent() && partitions.get() != described.get().partitions()) {
      throw SluiceException.statement(with.pos("PARTITIONS"), "A Kafka topic with the name '" + topic
          + "' already exists, with different partition/replica configuration than required. KSQL expects "
          + partitions.get() + " partitions (topic has " + described.get().partitions() + ").");
    }
    ctx.submit(commandId(stmt.kind(), stmt.name(), "create"), new Command.CreateSource(text, source,
        stmt.orReplace()));
    return Optional.of(status(text, stmt.kind(), stmt.name(), "create", kind + " created"));
  }

  /**
   * ALTER STREAM/TABLE ... ADD COLUMN, as ksqlDB has it: value columns appended to a source declared over a
   * topic (not a read-only SOURCE one, nor the sink of a query), for records that already carry them or will.
   * Queries already running keep the schema they were planned with.
   */
  KsqlEntity alter(String text, Statement.AlterSource stmt) {
    String kind = stmt.kind().name().toLowerCase(Locale.ROOT);
    DataSource ds = ctx.metaStore.source(stmt.name()).orElseThrow(() ->
        SluiceException.statement(stmt.pos(), "Source " + stmt.name() + " does not exist."));
    if (ds.kind() != stmt.kind()) {
      throw SluiceException.statement(stmt.pos(), "Incompatible data source type is " + ds.kind().name()
          + ", but statement was ALTER " + stmt.kind().name());
    }
    if (ds.source()) {
      throw SluiceException.statement(stmt.pos(), "Cannot alter " + kind + " '" + ds.name() + "': ALTER operations"
          + " are not supported on source " + kind + "s.");
    }
    if (createdByQuery(ds)) {
      throw SluiceException.statement(stmt.pos(), "ALTER command is not supported for CREATE ... AS statements.");
    }
    List<dev.sluice.planner.schema.Column> columns = new java.util.ArrayList<>(ds.schema().columns());
    for (ColumnDef column : stmt.columns()) {
      if (column.constraint() != ColumnDef.Constraint.NONE) {
        throw SluiceException.statement(column.pos(), "ALTER can only add value columns.");
      }
      if (ds.schema().find(column.name()).isPresent()
          || columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
        throw SluiceException.statement(column.pos(), "Cannot add column `" + column.name() + "` to schema. A"
            + " column with the same name already exists.");
      }
      SqlType type = declaredType(column);
      // Value columns stay before header columns: rows are keys, values, headers.
      int firstHeader = (int) columns.stream().filter(c -> !c.isHeader()).count();
      columns.add(firstHeader, new dev.sluice.planner.schema.Column(column.name(), type,
          dev.sluice.planner.schema.Column.Namespace.VALUE));
    }
    DataSource altered = new DataSource(ds.name(), ds.kind(), new LogicalSchema(columns), ds.topic(),
        ds.keyFormat(), ds.valueFormat(), ds.formatProperties(), ds.statement(), ds.source(), ds.timestampColumn());
    ctx.serdes.value(altered.schema().valueColumns(), Sources.formats(altered), "validation");
    ctx.submit(commandId(stmt.kind(), stmt.name(), "alter"), new Command.CreateSource(text, altered, true));
    return status(text, stmt.kind(), stmt.name(), "alter",
        (stmt.kind() == SourceKind.STREAM ? "Stream" : "Table") + " altered");
  }

  /** Whether {@code ds} is the sink of a CREATE ... AS SELECT (even once its query is terminated). */
  private boolean createdByQuery(DataSource ds) {
    if (!ctx.metaStore.writers(ds.name()).isEmpty()) {
      return true;
    }
    try {
      return dev.sluice.parser.SqlParser.parse(ds.statement()).get(0).statement()
          instanceof Statement.CreateAsSelect;
    } catch (RuntimeException e) {
      return false; // a statement text that no longer parses alone (variables): not a CREATE ... AS
    }
  }

  Optional<KsqlEntity> drop(String text, Statement.DropSource stmt) {
    Optional<DataSource> existing = ctx.metaStore.source(stmt.name());
    if (existing.isEmpty()) {
      if (stmt.ifExists()) {
        return Optional.of(status(text, stmt.kind(), stmt.name(), "drop",
            "Source " + stmt.name() + " does not exist."));
      }
      throw SluiceException.statement(stmt.pos(), "Source " + stmt.name() + " does not exist.");
    }
    DataSource ds = existing.get();
    if (ds.kind() != stmt.kind()) {
      throw SluiceException.statement(stmt.pos(), "Incompatible data source type is "
          + ds.kind().name() + ", but statement was DROP " + stmt.kind().name());
    }
    List<PersistentQueryInfo> writers = ctx.metaStore.writers(ds.name());
    List<PersistentQueryInfo> readers = ctx.metaStore.readers(ds.name());
    if (!writers.isEmpty() || !readers.isEmpty()) {
      StringBuilder why = new StringBuilder("Cannot drop " + ds.name() + ".");
      if (!readers.isEmpty()) {
        why.append("\nThe following queries read from this source: ").append(ids(readers)).append(".");
      }
      if (!writers.isEmpty()) {
        why.append("\nThe following queries write into this source: ").append(ids(writers)).append(".");
      }
      why.append("\nYou need to terminate them before dropping ").append(ds.name()).append(".");
      throw SluiceException.statement(stmt.pos(), why.toString());
    }
    ctx.submit(commandId(stmt.kind(), stmt.name(), "drop"), new Command.DropSource(text, ds.name()));
    if (stmt.deleteTopic()) {
      ctx.topics.delete(ds.topic());
    }
    return Optional.of(status(text, stmt.kind(), stmt.name(), "drop",
        "Source `" + ds.name() + "` (topic: " + ds.topic() + ") was dropped."));
  }

  private static List<String> ids(List<PersistentQueryInfo> queries) {
    return queries.stream().map(PersistentQueryInfo::id).toList();
  }

  static Map<String, String> topicConfig(WithClause with, SourceKind kind) {
    Map<String, String> config = new java.util.HashMap<>();
    with.string("RETENTION_MS").ifPresent(v -> config.put("retention.ms", v));
    with.string("CLEANUP_POLICY").ifPresent(v -> config.put("cleanup.policy", v.toLowerCase(Locale.ROOT)));
    if (kind == SourceKind.TABLE && !config.containsKey("cleanup.policy")) {
      config.put("cleanup.policy", "compact");
    }
    return config;
  }

  /**
   * The source's columns: those declared, plus those read from the registered schemas when the statement
   * declares no key or no value columns and the format keeps its schema in the Schema Registry (schema
   * inference). An inferred single unwrapped value sets WRAP_SINGLE_VALUE=false, and the ids of the schemas read
   * are kept as KEY_SCHEMA_ID / VALUE_SCHEMA_ID, as ksqlDB does, so that INSERT VALUES writes with them.
   */
  private LogicalSchema schema(Statement.CreateSource stmt, WithClause with, String topic,
      Map<String, String> formatProperties, StatementProperties props) {
    boolean hasKey = stmt.columns().stream().anyMatch(c -> c.constraint() == ColumnDef.Constraint.KEY
        || c.constraint() == ColumnDef.Constraint.PRIMARY_KEY);
    boolean hasValue = stmt.columns().stream().anyMatch(c -> c.constraint() == ColumnDef.Constraint.NONE);
    for (String side : List.of("KEY", "VALUE")) {
      if ((side.equals("KEY") ? hasKey : hasValue) && formatProperties.containsKey(side + "_SCHEMA_ID")) {
        throw SluiceException.statement(with.pos(side + "_SCHEMA_ID"), "Table elements and " + side
            + "_SCHEMA_ID cannot both exist for create statement.");
      }
    }
    // A key format configured as the default is as good as a declared one for inferring the key's columns.
    String declaredKeyFormat = with.keyFormat(props.values().containsKey(StatementProperties.DEFAULT_KEY_FORMAT)
        ? props.defaultKeyFormat() : null);
    dev.sluice.planner.plan.Formats probe = new dev.sluice.planner.plan.Formats(
        declaredKeyFormat == null ? "KAFKA" : declaredKeyFormat, with.valueFormat(props.defaultValueFormat()),
        formatProperties);
    Optional<dev.sluice.engine.serde.SchemaInference.Inferred> value = hasValue ? Optional.empty()
        : ctx.serdes.infer(topic, probe, false);
    Optional<dev.sluice.engine.serde.SchemaInference.Inferred> key = hasKey || declaredKeyFormat == null
        ? Optional.empty() : ctx.serdes.infer(topic, probe, true);
    value.ifPresent(v -> {
      formatProperties.putIfAbsent("VALUE_SCHEMA_ID", Integer.toString(v.schemaId()));
      if (v.unwrapped()) {
        formatProperties.put("WRAP_SINGLE_VALUE", "false");
      }
    });
    key.ifPresent(k -> formatProperties.putIfAbsent("KEY_SCHEMA_ID", Integer.toString(k.schemaId())));
    return schema(stmt, key.map(k -> k.columns()).orElse(List.of()), value.map(v -> v.columns()).orElse(List.of()));
  }

  private LogicalSchema schema(Statement.CreateSource stmt, List<dev.sluice.planner.schema.Column> inferredKey,
      List<dev.sluice.planner.schema.Column> inferredValue) {
    if (stmt.columns().isEmpty() && inferredKey.isEmpty() && inferredValue.isEmpty()) {
      throw SluiceException.statement(stmt.pos(), "The statement does not define any columns.");
    }
    LogicalSchema.Builder builder = LogicalSchema.builder();
    inferredKey.forEach(c -> builder.key(c.name(), c.type()));
    inferredValue.forEach(c -> builder.value(c.name(), c.type()));
    Set<String> names = new HashSet<>();
    boolean headersColumn = false;
    for (ColumnDef column : stmt.columns()) {
      if (!names.add(column.name())) {
        throw SluiceException.statement(column.pos(), "Duplicate column names: " + column.name());
      }
      SqlType type = declaredType(column);
      switch (column.constraint()) {
        case KEY:
          if (stmt.kind() == SourceKind.TABLE) {
            throw SluiceException.statement(column.pos(), "Column `" + column.name() + "` is a 'KEY' column:"
                + " please use 'PRIMARY KEY' for tables.\nTables have PRIMARY KEYs, which are unique and NON"
                + " NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.");
          }
          builder.key(column.name(), type);
          break;
        case PRIMARY_KEY:
          if (stmt.kind() == SourceKind.STREAM) {
            throw SluiceException.statement(column.pos(), "Column `" + column.name() + "` is a 'PRIMARY KEY'"
                + " column: please use 'KEY' for streams.\nTables have PRIMARY KEYs, which are unique and NON"
                + " NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.");
          }
          builder.key(column.name(), type);
          break;
        case NONE:
          builder.value(column.name(), type);
          break;
        case HEADERS:
          if (!type.equals(HEADERS_TYPE)) {
            throw SluiceException.statement(column.pos(), "Invalid type for HEADERS column: expected "
                + HEADERS_TYPE.sql() + ", got " + type.sql());
          }
          if (headersColumn) {
            throw SluiceException.statement(column.pos(), "Schema already contains a HEADERS column.");
          }
          headersColumn = true;
          builder.header(column.name(), type, java.util.Optional.empty());
          break;
        default:
          if (!type.equals(SqlType.BYTES)) {
            throw SluiceException.statement(column.pos(), "Invalid type for HEADER('" + column.headerKey().orElse("")
                + "') column: expected BYTES, got " + type.sql());
          }
          builder.header(column.name(), type, column.headerKey());
      }
    }
    LogicalSchema schema = builder.build();
    if (stmt.kind() == SourceKind.TABLE && schema.keyColumns().isEmpty()) {
      throw SluiceException.statement(stmt.pos(), "Tables require a PRIMARY KEY. Please define the PRIMARY KEY.");
    }
    return schema;
  }

  /** The type of a declared column, whose name must not be one of the reserved pseudo-column names. */
  private static SqlType declaredType(ColumnDef column) {
    if (PseudoColumns.isPseudo(column.name()) || PseudoColumns.isWindowBound(column.name())) {
      throw SluiceException.statement(column.pos(), "'" + column.name() + "' is a reserved column name.");
    }
    try {
      return SqlType.fromAst(column.type());
    } catch (IllegalArgumentException e) {
      throw SluiceException.statement(column.type().pos(), e.getMessage());
    }
  }

  /** The type of a HEADERS column: every header of the record, in order. */
  private static final SqlType HEADERS_TYPE = new SqlType.Array(new SqlType.Struct(List.of(
      new SqlType.Field("KEY", SqlType.STRING), new SqlType.Field("VALUE", SqlType.BYTES))));

  static String commandId(SourceKind kind, String name, String action) {
    return kind.name().toLowerCase(Locale.ROOT) + "/`" + name + "`/" + action;
  }

  static KsqlEntity status(String text, SourceKind kind, String name, String action, String message) {
    return new Entities.CommandStatusEntity(text, commandId(kind, name, action),
        Entities.CommandStatus.success(message, null), 0, List.of());
  }

}
