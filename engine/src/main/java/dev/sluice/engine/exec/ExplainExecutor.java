package dev.sluice.engine.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.command.PlanJson;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.engine.runtime.TopologyBuilder;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.SqlFormatter;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * EXPLAIN: every stage a query goes through, each in its own printable form: the parsed statement, the
 * Calcite plan before and after the rules, the physical steps, and the Kafka Streams topology.
 */
final class ExplainExecutor {
  private final EngineContext ctx;

  ExplainExecutor(EngineContext ctx) {
    this.ctx = ctx;
  }

  KsqlEntity explain(String text, Statement.Explain stmt, StatementProperties props) {
    if (stmt.queryId().isPresent()) {
      String id = stmt.queryId().get().toUpperCase(Locale.ROOT);
      PersistentQueryInfo q = ctx.metaStore.query(id).orElseThrow(() ->
          SluiceException.statement(stmt.pos(), "Query with id:" + id + " does not exist, use SHOW QUERIES to view"
              + " the full set of queries."));
      return new Entities.QueryDescriptionEntity(text, describe(q), List.of());
    }
    Statement inner = stmt.statement().orElseThrow();
    Query query;
    boolean persistent = true;
    if (inner instanceof Statement.CreateAsSelect c) {
      query = c.query();
    } else if (inner instanceof Statement.InsertInto i) {
      query = i.query();
    } else if (inner instanceof Statement.QueryStatement q) {
      query = q.query();
      persistent = false;
    } else {
      throw SluiceException.statement(inner.pos(), "EXPLAIN works on queries and query ids only.");
    }
    PhysicalPlanner.PlannedQuery planned = new PhysicalPlanner(ctx.metaStore, ctx.functions)
        .withKeylessProjections(props.keylessProjections()).plan(query, persistent);
    ExecStep root = persistent ? new StreamSink("Sink", planned.root(), "<sink topic>",
        Sources.formats(planned.source()), planned.schema()) : planned.root();
    org.apache.kafka.streams.TopologyDescription description = (root instanceof StreamSink sink
        ? new TopologyBuilder("explain", ctx.serdes, ctx.compiler, ctx.processingLog).build(sink)
        : new TopologyBuilder("explain", ctx.serdes, ctx.compiler, ctx.processingLog).build(root, row -> { }))
        .describe();
    String topology = description.toString();
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("statement", SqlFormatter.format(inner));
    stages.put("logicalPlan", planned.logicalPlan());
    stages.put("optimizedPlan", planned.optimizedPlan());
    stages.put("physicalPlan", json(root));
    stages.put("topology", topology);
    stages.put("internalResources", InternalResources.describe(description, root));
    return entity(text, "", text, root, topology, stages,
        planned.sources().stream().map(dev.sluice.planner.catalog.DataSource::name).toList(), List.of(), "",
        persistent ? "PERSISTENT" : "PUSH");
  }

  /** A running persistent query as EXPLAIN &lt;id&gt; and SHOW QUERIES EXTENDED describe it. */
  Entities.QueryDescription describe(PersistentQueryInfo q) {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("physicalPlan", json(q.plan()));
    org.apache.kafka.streams.TopologyDescription description = new TopologyBuilder(q.id(), ctx.serdes,
        ctx.compiler, ctx.processingLog, dev.sluice.engine.serde.InternalFormat.orLegacy(q.internalFormat()))
        .build(q.plan()).describe();
    String topology = description.toString();
    stages.put("topology", topology);
    stages.put("internalResources", InternalResources.describe(description, q.plan()));
    return description(q.id(), q.statementText(), q.plan(), topology, stages, q.sources(), List.of(q.sink()),
        ctx.reportedState(q.id()), "PERSISTENT");
  }

  private static KsqlEntity entity(String text, String id, String statement, ExecStep root, String topology,
      Map<String, String> stages, List<String> sources, List<String> sinks, String state, String queryType) {
    return new Entities.QueryDescriptionEntity(text,
        description(id, statement, root, topology, stages, sources, sinks, state, queryType), List.of());
  }

  private static Entities.QueryDescription description(String id, String statement, ExecStep root,
      String topology, Map<String, String> stages, List<String> sources, List<String> sinks, String state,
      String queryType) {
    List<Entities.FieldInfo> fields = root.schema().columns().stream()
        .map(c -> new Entities.FieldInfo(c.name(), MetadataExecutor.schema(c.type()), c.isKey() ? "KEY" : null))
        .toList();
    return new Entities.QueryDescription(id, statement, null, fields, sources, sinks, topology,
        stages.get("physicalPlan"), state, stages, queryType);
  }

  /** Which repartition topics the plan creates, and why, in the user's terms. */
  private static String json(ExecStep step) {
    try {
      return PlanJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(step);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
