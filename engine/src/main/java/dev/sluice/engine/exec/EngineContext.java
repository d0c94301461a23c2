package dev.sluice.engine.exec;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.command.Command;
import dev.sluice.engine.command.CommandLog;
import dev.sluice.engine.metastore.MetaStore;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.engine.processinglog.ProcessingLogger;
import dev.sluice.engine.runtime.KafkaTopics;
import dev.sluice.engine.runtime.RowSerdes;
import dev.sluice.engine.runtime.StreamsApp;
import dev.sluice.engine.runtime.TopologyBuilder;
import dev.sluice.planner.function.FunctionRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.Topology;

/**
 * Everything the statement executors share: the metastore, the command log, Kafka, the compiler and the
 * running persistent queries. Commands change state only through {@link #apply}, both when a statement
 * runs and when the log is replayed at start-up, so both paths give the same result.
 */
public final class EngineContext implements AutoCloseable {
  final EngineConfig config;
  final MetaStore metaStore = new MetaStore();
  final KafkaTopics topics;
  final CommandLog commandLog;
  final RowSerdes serdes;
  final CalcCompiler compiler;
  final ProcessingLogger processingLog;
  final FunctionRegistry functions;
  private final Map<String, StreamsApp> running = new ConcurrentHashMap<>();
  /** Numbers query ids as ksqlDB does: by position of the command in the log. */
  private final AtomicLong commandCount = new AtomicLong();

  public EngineContext(EngineConfig config, KafkaTopics topics, CommandLog commandLog, RowSerdes serdes,
      CalcCompiler compiler, ProcessingLogger processingLog, FunctionRegistry functions) {
    this.config = config;
    this.topics = topics;
    this.commandLog = commandLog;
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
    commandLog.append(id, command);
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
      StreamsApp app = running.remove(t.queryId());
      if (app != null) {
        app.stop(true);
      }
      metaStore.removeQuery(t.queryId());
    }
  }

  private void start(PersistentQueryInfo query) {
    Topology topology = new TopologyBuilder(query.id(), serdes, compiler, processingLog).build(query.plan());
    StreamsApp app = new StreamsApp(query.id(), applicationId(query.id()), topology, config.bootstrapServers(),
        config.stateDir(), config.streamsProperties(), "earliest");
    running.put(query.id(), app);
    app.start();
  }

  /** ksqlDB's naming of a persistent query's application, so consumer groups look familiar. */
  String applicationId(String queryId) {
    return "_confluent-ksql-" + config.serviceId() + "query_" + queryId;
  }

  StreamsApp runningQuery(String id) {
    return running.get(id);
  }

  public boolean allQueriesHealthy() {
    return running.values().stream().noneMatch(a -> a.state() == dev.sluice.engine.runtime.QueryState.ERROR);
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
