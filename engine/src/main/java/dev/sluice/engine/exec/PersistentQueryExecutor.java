package dev.sluice.engine.exec;

import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.command.Command;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.engine.runtime.TopologyBuilder;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.catalog.TimestampColumn;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CREATE STREAM ... AS SELECT and INSERT INTO ... SELECT: plans the query, creates its sink
 * topic, proves the topology builds (so a bad plan fails the statement, not the server later), and only
 * then records the command that starts it. TERMINATE, PAUSE and RESUME record the commands that stop, hold
 * and release running queries.
 */
final class PersistentQueryExecutor {
  private final EngineContext ctx;

  PersistentQueryExecutor(EngineContext ctx) {
    this.ctx = ctx;
  }

  KsqlEntity createAsSelect(String text, Statement.CreateAsSelect stmt, StatementProperties props) {
    if (stmt.kind() == SourceKind.STREAM || !AggregatesOnly.windowed(stmt.query())) {
      checkEmit(stmt.query());
    }
    Optional<DataSource> existing = ctx.metaStore.source(stmt.name());
    if (existing.isPresent() && !stmt.orReplace()) {
      if (stmt.ifNotExists()) {
        return DdlExecutor.status(text, stmt.kind(), stmt.name(), "create",
            "Cannot add stream " + stmt.name() + ": A stream with the same name already exists.");
      }
      throw SluiceException.statement(stmt.pos(), "Cannot add stream '" + stmt.name()
          + "': A " + existing.get().kind().name().toLowerCase(Locale.ROOT) + " with the same name already exists");
    }
    if (existing.isPresent()) {
      throw SluiceException.statement(stmt.pos(), "CREATE OR REPLACE of a running query is not supported yet.");
    }
    checkTimestampSelected(stmt);
    if (stmt.query().limit().isPresent()) {
      // ksqlDB once accepted it and ignored it (ksql#1064); a persistent query has no end to limit.
      throw SluiceException.statement(stmt.pos(), "CREATE STREAM/TABLE AS SELECT statements don't support LIMIT"
          + " clause.");
    }
    PhysicalPlanner.PlannedQuery planned = new PhysicalPlanner(ctx.metaStore, ctx.functions)
        .withKeylessProjections(props.keylessProjections())
        .plan(stmt.query(), true, Optional.of(stmt.name()));
    CoPartitioning.check(planned.root(), ctx.topics, stmt.pos());
    boolean table = PhysicalPlanner.isTable(planned.root());
    if (table != (stmt.kind() == SourceKind.TABLE)) {
      throw SluiceException.statement(stmt.pos(), "Invalid result type. Your SELECT query produces a "
          + (table ? "TABLE" : "STREAM") + ". Please use CREATE " + (table ? "TABLE" : "STREAM")
          + " AS SELECT statement instead.");
    }
    DataSource input = planned.source();
    WithClause with = new WithClause(stmt, stmt.properties(), WithClause.CREATE_AS);
    String topic = with.string("KAFKA_TOPIC").orElse(props.outputTopicPrefix() + stmt.name());
    LogicalSchema schema = keyFirst(planned.schema());
    String inherited = input.keyFormat().equals("NONE") ? "KAFKA" : input.keyFormat();
    String declaredKeyFormat = with.keyFormat(inherited); // an unknown format is the first error to report
    if (schema.keyColumns().isEmpty() && with.string("KEY_FORMAT").isPresent()
        && !declaredKeyFormat.equals("NONE")) {
      throw SluiceException.statement(with.pos("KEY_FORMAT"), "Key format specified for stream without key columns.");
    }
    String keyFormat = schema.keyColumns().isEmpty() ? "NONE" : declaredKeyFormat;
    String valueFormat = with.valueFormat(input.valueFormat());
    Map<String, String> formatProps = new java.util.HashMap<>(with.formatProperties(
        inheritedFormatProperties(input, keyFormat, valueFormat)));
    formatProps.remove("WINDOW_TYPE");
    formatProps.remove("WINDOW_SIZE");
    if (with.string("WRAP_SINGLE_VALUE").isEmpty()) {
      formatProps.remove("WRAP_SINGLE_VALUE"); // a source's wrapping describes its topic only, as in ksqlDB
    }
    PhysicalPlanner.window(planned.root()).ifPresent(w -> {
      formatProps.put("WINDOW_TYPE", w.type());
      if (!w.session()) {
        formatProps.put("WINDOW_SIZE", Long.toString(w.sizeMs()));
      }
    });
    Optional<TimestampColumn> timestamp = with.timestamp(schema);
    DataSource sink = new DataSource(stmt.name(), stmt.kind(), schema, topic, keyFormat, valueFormat,
        formatProps, text, false, timestamp);
    ctx.serdes.prepareSink(topic, schema.keyColumns(), schema.valueColumns(), Sources.formats(sink));
    String queryId = (table ? "CTAS_" : "CSAS_") + stmt.name() + "_" + ctx.nextCommandNumber();
    StreamSink sinkStep = new StreamSink("Sink", planned.root(), topic, Sources.formats(sink), planned.schema(),
        timestamp);
    new TopologyBuilder(queryId, ctx.serdes, ctx.compiler, ctx.processingLog).build(sinkStep);

    int partitions = with.integer("PARTITIONS").orElseGet(() ->
        ctx.topics.describe(input.topic()).map(d -> d.partitions()).orElse(1));
    ctx.topics.ensure(topic, partitions, (short) with.integer("REPLICAS").orElse(1).intValue(),
        DdlExecutor.topicConfig(with, stmt.kind()));
    PersistentQueryInfo query = new PersistentQueryInfo(queryId, text, sourceNames(planned), sink.name(), topic,
        sinkStep);
    ctx.submit(DdlExecutor.commandId(stmt.kind(), stmt.name(), "create"), new Command.StartQuery(text, sink, query));
    return new Entities.CommandStatusEntity(text, DdlExecutor.commandId(stmt.kind(), stmt.name(), "create"),
        Entities.CommandStatus.success("Created query with ID " + queryId, queryId), 0, List.of());
  }

  private static List<String> sourceNames(PhysicalPlanner.PlannedQuery planned) {
    return planned.sources().stream().map(DataSource::name).toList();
  }

  /**
   * A TIMESTAMP column the select list does not name is reported before anything the planner finds, as ksqlDB
   * does; a list with {@code *} or an unnamed expression is left to the check on the planned schema.
   */
  private static void checkTimestampSelected(Statement.CreateAsSelect stmt) {
    WithClause with = new WithClause(stmt, stmt.properties(), WithClause.CREATE_AS);
    Optional<String> column = with.string("TIMESTAMP").map(Names::column);
    if (column.isEmpty()) {
      return;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (dev.sluice.parser.ast.SelectItem item : stmt.query().select()) {
      if (!(item instanceof dev.sluice.parser.ast.SelectItem.SingleColumn single)) {
        return;
      }
      if (single.alias().isPresent()) {
        names.add(single.alias().get());
      } else if (single.expression() instanceof dev.sluice.parser.ast.Expression.ColumnRef ref) {
        names.add(ref.name());
      } else {
        return;
      }
    }
    if (!names.contains(column.get())) {
      throw SluiceException.statement(with.pos("TIMESTAMP"), "The TIMESTAMP column set in the WITH clause does"
          + " not exist in the schema: '" + column.get() + "'");
    }
  }

  /**
   * The source's format options that still describe the sink: a key option (KEY_DELIMITER...) when the key
   * format is the same, a value option when the value format is, any other only when both are.
   */
  private static Map<String, String> inheritedFormatProperties(DataSource input, String keyFormat,
      String valueFormat) {
    boolean sameKey = keyFormat.equals(input.keyFormat());
    boolean sameValue = valueFormat.equals(input.valueFormat());
    Map<String, String> out = new java.util.HashMap<>();
    input.formatProperties().forEach((name, value) -> {
      if (name.startsWith("KEY_") ? sameKey : name.startsWith("VALUE_") ? sameValue : sameKey && sameValue) {
        out.put(name, value);
      }
    });
    return out;
  }

  KsqlEntity insertInto(String text, Statement.InsertInto stmt, StatementProperties props) {
    checkEmit(stmt.query());
    if (stmt.query().limit().isPresent()) {
      throw SluiceException.statement(stmt.pos(), "INSERT INTO ... SELECT statements don't support LIMIT clause.");
    }
    DataSource target = ctx.metaStore.source(stmt.target()).orElseThrow(() ->
        SluiceException.statement(stmt.pos(), "Source " + stmt.target() + " does not exist."));
    if (!target.isStream()) {
      throw SluiceException.statement(stmt.pos(), "INSERT INTO can only be used to insert into a stream. "
          + target.name() + " is a table.");
    }
    if (target.source()) {
      throw SluiceException.statement(stmt.pos(), "Cannot insert into read-only stream: " + target.name());
    }
    if (!target.schema().headerColumns().isEmpty()) {
      throw SluiceException.statement(stmt.pos(), "Cannot insert into " + target.name()
          + " because it has header columns");
    }
    PhysicalPlanner planner = new PhysicalPlanner(ctx.metaStore, ctx.functions)
        .withKeylessProjections(props.keylessProjections());
    PhysicalPlanner.PlannedQuery planned = planner.plan(stmt.query(), true);
    if (!keyFirst(planned.schema()).equals(target.schema())) {
      Optional<dev.sluice.parser.ast.Query> widened =
          InsertCasts.widen(stmt.query(), keyFirst(planned.schema()), target.schema());
      if (widened.isPresent()) {
        planned = planner.plan(widened.get(), true);
      }
    }
    CoPartitioning.check(planned.root(), ctx.topics, stmt.pos());
    if (PhysicalPlanner.isTable(planned.root())) {
      throw SluiceException.statement(stmt.pos(), "INSERT INTO can only be used to insert into a stream. The"
          + " query produces a table.");
    }
    if (!keyFirst(planned.schema()).equals(target.schema())) {
      throw SluiceException.statement(stmt.pos(), "Incompatible schema between results and sink."
          + "\nResult schema is " + keyFirst(planned.schema()).toSql()
          + "\nSink schema is " + target.schema().toSql());
    }
    String resultWindow = PhysicalPlanner.window(planned.root()).map(w -> w.type()).orElse("none");
    String sinkWindow = target.formatProperties().getOrDefault("WINDOW_TYPE", "none");
    if (!resultWindow.equalsIgnoreCase(sinkWindow)) {
      // The sink's keys would mix windowed and plain layouts, unreadable for every consumer of the topic.
      throw SluiceException.statement(stmt.pos(), "Incompatible key windowing between results and sink: the"
          + " results' keys are " + describeWindow(resultWindow) + ", " + target.name() + "'s are "
          + describeWindow(sinkWindow) + ".");
    }
    String queryId = "INSERTQUERY_" + ctx.nextCommandNumber();
    StreamSink sinkStep = new StreamSink("Sink", planned.root(), target.topic(),
        new Formats(target.keyFormat(), target.valueFormat(), target.formatProperties()), planned.schema(),
        target.timestampColumn());
    new TopologyBuilder(queryId, ctx.serdes, ctx.compiler, ctx.processingLog).build(sinkStep);
    PersistentQueryInfo query = new PersistentQueryInfo(queryId, text, sourceNames(planned),
        target.name(), target.topic(), sinkStep);
    ctx.submit("stream/`" + target.name() + "`/insert", new Command.StartQuery(text, null, query));
    return new Entities.CommandStatusEntity(text, "stream/`" + target.name() + "`/insert",
        Entities.CommandStatus.success("Created query with ID " + queryId, queryId), 0, List.of());
  }

  KsqlEntity terminate(String text, Statement.Terminate stmt) {
    List<String> ids = new ArrayList<>();
    if (stmt.queryId().isPresent()) {
      String id = stmt.queryId().get().toUpperCase(Locale.ROOT);
      if (ctx.metaStore.query(id).isEmpty()) {
        throw SluiceException.statement(stmt.pos(), "Unknown queryId: " + id);
      }
      ids.add(id);
    } else {
      ctx.metaStore.queries().forEach(q -> ids.add(q.id()));
    }
    for (String id : ids) {
      ctx.submit("terminate/" + id + "/execute", new Command.TerminateQuery(text, id));
    }
    return new Entities.CommandStatusEntity(text, "terminate/" + String.join(",", ids) + "/execute",
        Entities.CommandStatus.success("Query terminated.", null), 0, List.of());
  }

  /**
   * PAUSE / RESUME of one persistent query or of all (ksqlDB 0.28's KLIP-63): one command per query, so a
   * restarted server starts each query as the log last left it. The answer is ksqlDB's: "Query paused." or
   * "Query resumed.", also when ALL finds no query.
   */
  KsqlEntity pauseResume(String text, Statement.PauseResume stmt) {
    String verb = stmt.pause() ? "pause" : "resume";
    List<String> ids = new ArrayList<>();
    if (stmt.queryId().isPresent()) {
      String id = stmt.queryId().get().toUpperCase(Locale.ROOT);
      if (ctx.metaStore.query(id).isEmpty()) {
        if (id.toLowerCase(Locale.ROOT).startsWith(TRANSIENT_PREFIX)) {
          throw SluiceException.statement(stmt.pos(), "Cannot " + verb + " query '" + stmt.queryId().get()
              + "' because it is a transient query. Transient queries cannot be paused or resumed.");
        }
        throw SluiceException.statement(stmt.pos(), "Unknown queryId: " + id);
      }
      ids.add(id);
    } else {
      ctx.metaStore.queries().forEach(q -> ids.add(q.id()));
    }
    for (String id : ids) {
      ctx.submit(verb + "/" + id + "/execute", stmt.pause() ? new Command.PauseQuery(text, id)
          : new Command.ResumeQuery(text, id));
    }
    String commandId = verb + "/" + (stmt.queryId().isPresent() ? ids.get(0) : "ALL") + "/execute";
    return new Entities.CommandStatusEntity(text, commandId,
        Entities.CommandStatus.success(stmt.pause() ? "Query paused." : "Query resumed.", null), 0, List.of());
  }

  /** How push query ids start ({@code StatementExecutor#query}), ksqlDB's {@code ksql.transient.prefix}. */
  private static final String TRANSIENT_PREFIX = "transient_";

  /** Whether a query is a windowed aggregation, the only kind EMIT FINAL applies to. */
  private static final class AggregatesOnly {
    static boolean windowed(Query query) {
      return query.window().isPresent();
    }
  }

  private static void checkEmit(Query query) {
    if (query.emit().isPresent() && query.emit().get() == Query.Emit.FINAL) {
      throw SluiceException.statement(query.pos(), "EMIT FINAL is only supported for windowed aggregations.");
    }
  }

  /** Sources list key columns first, as DESCRIBE shows them and the serdes split them. */
  static LogicalSchema keyFirst(LogicalSchema schema) {
    List<Column> columns = new ArrayList<>(schema.keyColumns());
    columns.addAll(schema.valueColumns());
    return new LogicalSchema(columns);
  }

  private static String describeWindow(String type) {
    return type.equals("none") ? "not windowed" : "windowed (" + type.toUpperCase(Locale.ROOT) + ")";
  }
}
