package dev.sluice.engine.exec;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.command.Command;
import dev.sluice.engine.env.CommandStore;
import dev.sluice.engine.env.QueryLauncher;
import dev.sluice.engine.env.RecordProducer;
import dev.sluice.engine.env.TopicAdmin;
import dev.sluice.engine.metastore.MetaStore;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.engine.processinglog.ProcessingLogger;
import dev.sluice.engine.runtime.QueryState;
import dev.sluice.engine.runtime.RowSerdes;
import dev.sluice.engine.runtime.TopologyBuilder;
import dev.sluice.engine.serde.InternalFormat;
import dev.sluice.planner.function.FunctionRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.Topology;

/**
 * Everything the statement executors share: the metastore, the command store, topics, the compiler and the
 * running persistent queries. What touches Kafka comes in through the {@code env} interfaces, so the same
 * executors run on a server and in the broker-free SQL test runner. Commands change state only through {@link #apply}, both when a statement
 * runs and when the log is replayed at start-up, so both paths give the same result.
 */
public final class EngineContext implements AutoCloseable {
  final EngineConfig config;
  final MetaStore metaStore = new MetaStore();
  final TopicAdmin topics;
  final CommandStore commands;
  final QueryLauncher launcher;
  final RecordProducer producer;
  final RowSerdes serdes;
  final CalcCompiler compiler;
  final ProcessingLogger processingLog;
  final FunctionRegistry functions;
  private final Map<String, QueryLauncher.Running> running = new ConcurrentHashMap<>();
  /** Numbers query ids as ksqlDB does: by position of the command in the log. */
  private final AtomicLong commandCount = new AtomicLong();

  public EngineContext(EngineConfig config, TopicAdmin topics, CommandStore commands, QueryLauncher launcher,
      RecordProducer producer, RowSerdes serdes, CalcCompiler compiler, ProcessingLogger processingLog,
      FunctionRegistry functions) {
    this.config = config;
    this.topics = topics;
    this.commands = commands;
    this.launcher = launcher;
    this.producer = producer;
    this.serdes = serdes;
    this.compiler = compiler;
    this.processingLog = processingLog;
    this.functions = functions;
  }

  public MetaStore metaStore() {
    return metaStore;
  }

  long nextCommandNumber() {
    return commandCount.get();
  }

  /** Writes the command to the log, then applies it. */
  void submit(String id, Command command) {
    commands.append(id, command);
    apply(command);
  }

  /**
   * Rebuilds the state a log describes: applies every command to the metastore first, then starts the
   * queries still alive at its end, so a query terminated later in the log never starts at all.
   */
  public synchronized void replay(java.util.List<Command> commands) {
    for (Command command : commands) {
      apply(command, false);
    }
    metaStore.queries().forEach(this::start);
  }

  /** Applies a command to the metastore and the running queries. */
  synchronized void apply(Command command) {
    apply(command, true);
  }

  private void apply(Command command, boolean startQueries) {
    commandCount.incrementAndGet();
    if (command instanceof Command.CreateSource c) {
      metaStore.putSource(c.source());
    } else if (command instanceof Command.DropSource d) {
      metaStore.removeSource(d.name());
    } else if (command instanceof Command.StartQuery s) {
      if (s.sink() != null) {
        metaStore.putSource(s.sink());
      }
      metaStore.putQuery(s.query());
      if (startQueries) {
        start(s.query());
      }
    } else if (command instanceof Command.TerminateQuery t) {
      QueryLauncher.Running app = running.remove(t.queryId());
      if (app != null) {
        app.stop(true);
      }
      metaStore.removeQuery(t.queryId());
    } else if (command instanceof Command.PauseQuery p) {
      metaStore.setPaused(p.queryId(), true);
      QueryLauncher.Running app = running.get(p.queryId());
      if (app != null) {
        app.pause();
      }
    } else if (command instanceof Command.ResumeQuery r) {
      metaStore.setPaused(r.queryId(), false);
      QueryLauncher.Running app = running.get(r.queryId());
      if (app != null) {
        app.resume();
      }
    } else if (command instanceof Command.CreateType t) {
      metaStore.putType(t.name(), t.type());
    } else if (command instanceof Command.DropType t) {
      metaStore.removeType(t.name());
    }
  }

  private void start(PersistentQueryInfo query) {
    Topology topology = new TopologyBuilder(query.id(), serdes, compiler, processingLog,
        InternalFormat.orLegacy(query.internalFormat())).build(query.plan());
    running.put(query.id(), launcher.launch(query.id(), applicationId(query.id()), topology,
        metaStore.isPaused(query.id())));
  }

  /** ksqlDB's naming of a persistent query's application, so consumer groups look familiar. */
  String applicationId(String queryId) {
    return "_confluent-ksql-" + config.serviceId() + "query_" + queryId;
  }

  QueryLauncher.Running runningQuery(String id) {
    return running.get(id);
  }

  /**
   * A persistent query's state as SHOW QUERIES, DESCRIBE EXTENDED and EXPLAIN report it: a query still
   * starting counts as RUNNING, as in ksqlDB; one PAUSE holds is PAUSED.
   */
  String reportedState(String queryId) {
    QueryLauncher.Running app = running.get(queryId);
    QueryState state = app == null ? QueryState.TERMINATED : app.state();
    return state == QueryState.PENDING ? "RUNNING" : state.name();
  }

  public boolean allQueriesHealthy() {
    return running.values().stream().noneMatch(a -> a.state() == QueryState.ERROR);
  }

  @Override
  public void close() {
    running.values().forEach(app -> app.stop(false));
    running.clear();
  }

  static Duration startTimeout() {
    return Duration.ofSeconds(60);
  }
}
