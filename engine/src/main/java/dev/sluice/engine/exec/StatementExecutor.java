package dev.sluice.engine.exec;

import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.api.RowListener;
import dev.sluice.engine.api.StatementFailedException;
import dev.sluice.engine.api.TransientQuery;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ParsedStatement;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.plan.PhysicalPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs statements: parses a request's text, then dispatches each statement to the executor of its kind.
 * Statements that change the metastore run one at a time, in request order, so that the command log and
 * every server replaying it see the same sequence.
 */
public final class StatementExecutor implements AutoCloseable {
  private final EngineContext ctx;
  private final DdlExecutor ddl;
  private final PersistentQueryExecutor persistent;
  private final MetadataExecutor metadata;
  private final InsertValuesExecutor inserts;
  private final ExplainExecutor explain;
  private final FunctionsExecutor functions;
  private final TypeExecutor types;
  private final Map<String, TransientQuery> pushQueries = new ConcurrentHashMap<>();
  private final ExecutorService closer = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sluice-push-query-closer");
    t.setDaemon(true);
    return t;
  });

  public StatementExecutor(EngineContext ctx) {
    this.ctx = ctx;
    this.ddl = new DdlExecutor(ctx);
    this.persistent = new PersistentQueryExecutor(ctx);
    this.explain = new ExplainExecutor(ctx);
    this.metadata = new MetadataExecutor(ctx, explain);
    this.inserts = new InsertValuesExecutor(ctx);
    this.functions = new FunctionsExecutor(ctx.functions);
    this.types = new TypeExecutor(ctx);
  }

  public List<KsqlEntity> execute(String sql, Map<String, Object> properties, Map<String, String> variables) {
    Map<String, Object> props = new HashMap<>(properties);
    SessionVariables vars = new SessionVariables(variables);
    List<KsqlEntity> entities = new ArrayList<>();
    for (ParsedStatement parsed : SqlParser.parse(sql, variables)) {
      try {
        execute(parsed, props, vars).ifPresent(entities::add);
      } catch (SluiceException e) {
        throw new StatementFailedException(e, parsed.text() + ";", entities);
      }
    }
    return entities;
  }

  private Optional<KsqlEntity> execute(ParsedStatement parsed, Map<String, Object> props, SessionVariables vars) {
    String text = parsed.text() + ";";
    Statement s = types.namedTypes().expand(parsed.statement());
    if (s instanceof Statement.QueryStatement || s instanceof Statement.Print) {
      throw new SluiceException(ErrorCode.QUERY_ENDPOINT, "The following statement types should be issued to"
          + " the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT");
    } else if (s instanceof Statement.ListStatement l && l.what() == Statement.ListKind.TYPES) {
      return Optional.of(types.list(text));
    } else if (s instanceof Statement.ListStatement l && l.what() == Statement.ListKind.FUNCTIONS) {
      return Optional.of(functions.list(text));
    } else if (s instanceof Statement.DescribeFunction d) {
      return Optional.of(functions.describe(text, d));
    } else if (s instanceof Statement.ListStatement l) {
      return Optional.of(metadata.list(text, l, props, vars.asMap()));
    } else if (s instanceof Statement.Describe d) {
      return Optional.of(metadata.describe(text, d));
    } else if (s instanceof Statement.Explain e) {
      return Optional.of(explain.explain(text, e, statementProperties(props)));
    } else if (s instanceof Statement.SetProperty set) {
      props.put(set.name(), set.value());
      return Optional.empty();
    } else if (s instanceof Statement.UnsetProperty unset) {
      props.remove(unset.name());
      return Optional.empty();
    } else if (s instanceof Statement.DefineVariable define) {
      vars.define(define.name(), define.value()); // the parser has already substituted it into what follows
      return Optional.empty();
    } else if (s instanceof Statement.UndefineVariable undefine) {
      return vars.undefine(undefine.name()) ? Optional.empty() : Optional.of(new Entities.WarningEntity(text,
          "Cannot undefine variable '" + undefine.name() + "' which was never defined", List.of()));
    }
    synchronized (ctx) {
      if (s instanceof Statement.CreateSource c) {
        return ddl.create(text, c, statementProperties(props));
      } else if (s instanceof Statement.DropSource d) {
        return ddl.drop(text, d);
      } else if (s instanceof Statement.AlterSource a) {
        return Optional.of(ddl.alter(text, a));
      } else if (s instanceof Statement.CreateAsSelect c) {
        return Optional.of(persistent.createAsSelect(text, c, statementProperties(props)));
      } else if (s instanceof Statement.InsertInto i) {
        return Optional.of(persistent.insertInto(text, i, statementProperties(props)));
      } else if (s instanceof Statement.InsertValues i) {
        inserts.insert(i);
        return Optional.empty();
      } else if (s instanceof Statement.CreateType t) {
        return types.create(text, t);
      } else if (s instanceof Statement.DropType t) {
        return types.drop(text, t);
      } else if (s instanceof Statement.Terminate t) {
        return Optional.of(persistent.terminate(text, t));
      } else if (s instanceof Statement.PauseResume p) {
        return Optional.of(persistent.pauseResume(text, p));
      }
    }
    throw SluiceException.statement(s.pos(), "This statement is not supported yet: "
        + s.getClass().getSimpleName());
  }

  private StatementProperties statementProperties(Map<String, Object> props) {
    return StatementProperties.of(ctx.config.ksqlProperties(), props);
  }

  /** Starts a push query (the only kind of query so far) and streams its rows to {@code listener}. */
  public TransientQuery query(String sql, Map<String, Object> properties, Map<String, String> variables,
      RowListener listener) {
    List<ParsedStatement> statements = SqlParser.parse(sql, variables);
    if (statements.size() == 1 && statements.get(0).statement() instanceof Statement.Print print) {
      return print(print, listener);
    }
    if (statements.size() != 1 || !(statements.get(0).statement() instanceof Statement.QueryStatement qs)) {
      throw new SluiceException(ErrorCode.BAD_STATEMENT, "Expected exactly one SELECT statement, got: "
          + sql.strip());
    }
    Query query = ((Statement.QueryStatement) types.namedTypes().expand(qs)).query();
    if (query.emit().isEmpty()) {
      throw SluiceException.statement(query.pos(), "Pull queries are not supported yet: add EMIT CHANGES to run"
          + " a push query.");
    }
    if (query.emit().get() == Query.Emit.FINAL) {
      throw SluiceException.statement(query.pos(), "EMIT FINAL is only supported for windowed aggregations.");
    }
    PhysicalPlanner.PlannedQuery planned = new PhysicalPlanner(ctx.metaStore, ctx.functions).plan(query, false);
    CoPartitioning.check(planned.root(), ctx.topics, query.pos());
    String id = "transient_" + planned.source().name() + "_" + Math.abs(ThreadLocalRandom.current().nextLong());
    Long limit = query.limit().isPresent() ? (long) query.limit().getAsInt() : null;
    PushQuery push = new PushQuery(id, planned, ctx, properties, listener, limit, closer,
        () -> pushQueries.remove(id));
    pushQueries.put(id, push);
    try {
      push.start();
    } catch (RuntimeException e) {
      pushQueries.remove(id);
      throw e;
    }
    return push;
  }

  /** Starts a {@code PRINT} of a topic, whose lines go to {@code listener}. */
  private TransientQuery print(Statement.Print print, RowListener listener) {
    String topic = topicNamed(print);
    String id = "print_" + Math.abs(ThreadLocalRandom.current().nextLong());
    TopicPrinter printer = new TopicPrinter(id, topic, print, ctx.config.bootstrapServers(),
        ctx.serdes.registry().orElse(null), listener, () -> pushQueries.remove(id));
    pushQueries.put(id, printer);
    try {
      printer.start();
    } catch (RuntimeException e) {
      pushQueries.remove(id);
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Could not read topic " + topic + ": " + e.getMessage());
    }
    return printer;
  }

  /**
   * The topic PRINT names: as written, or else the one topic whose name differs only in case (an unquoted
   * name is upper-cased by the parser, while topics are often lower-case).
   */
  private String topicNamed(Statement.Print print) {
    java.util.Set<String> topics = ctx.topics.list(true).keySet();
    if (topics.contains(print.topic())) {
      return print.topic();
    }
    List<String> matches = topics.stream().filter(t -> t.equalsIgnoreCase(print.topic())).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw SluiceException.statement(print.pos(), "Could not find topic '" + print.topic() + "', or the KSQL user"
        + " does not have permissions to list the topic. Topic names are case-sensitive."
        + (matches.isEmpty() ? "" : " Did you mean one of " + matches + "?"));
  }

  public boolean closeQuery(String id) {
    TransientQuery query = pushQueries.get(id);
    if (query == null) {
      return false;
    }
    closer.execute(query::close);
    return true;
  }

  @Override
  public void close() {
    pushQueries.values().forEach(TransientQuery::close);
    closer.shutdown();
  }

}
