package dev.sluice.engine;

import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.api.RowInserter;
import dev.sluice.engine.api.RowListener;
import dev.sluice.engine.api.TransientQuery;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.command.CommandLog;
import dev.sluice.engine.exec.EngineContext;
import dev.sluice.engine.exec.StatementExecutor;
import dev.sluice.engine.exec.StreamInserter;
import dev.sluice.engine.processinglog.KafkaProcessingLogger;
import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.runtime.KafkaRecordProducer;
import dev.sluice.engine.runtime.KafkaTopics;
import dev.sluice.engine.runtime.StreamsQueryLauncher;
import dev.sluice.planner.function.ExtensionLoader;
import dev.sluice.planner.function.FunctionRegistry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as the server sees it: statements in, ksqlDB entities out; queries in, rows out.
 * Starting it connects to Kafka, creates the command topic if needed and replays it, so that every
 * stream, table and persistent query is back as it was.
 */
public final class SluiceEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SluiceEngine.class);

  private final EngineConfig config;
  private final KafkaTopics topics;
  private final KafkaRecordProducer producer;
  private final String clusterId;
  private final CommandLog commandLog;
  private final KafkaProcessingLogger processingLog;
  private final EngineContext context;
  private final StatementExecutor executor;
  private final ExtensionLoader.Extensions extensions;
  private volatile boolean closed;

  private SluiceEngine(EngineConfig config) {
    this.config = config;
    // First, so that a bad extension directory fails the start-up before anything connects.
    this.extensions = ExtensionLoader.load(config.extensionDir(), SluiceEngine.class.getClassLoader());
    this.topics = new KafkaTopics(config.bootstrapServers());
    this.clusterId = topics.clusterId();
    String processingLogTopic = KafkaProcessingLogger.defaultTopic(config.serviceId());
    topics.ensure(processingLogTopic, 1, Map.of());
    this.processingLog = new KafkaProcessingLogger(processingLogTopic,
        Map.of("bootstrap.servers", config.bootstrapServers()));
    this.commandLog = new CommandLog(config.bootstrapServers(), config.commandTopic(), topics);
    this.producer = new KafkaRecordProducer(config.bootstrapServers());
    // Built-ins plus user-defined functions; generated code is compiled against the loader that sees their jars.
    FunctionRegistry functions = extensions.registry();
    this.context = new EngineContext(config, topics, commandLog, new StreamsQueryLauncher(config), producer,
        new FormatSerdes(processingLog, config.schemaRegistry() == null ? null
            : new dev.sluice.engine.serde.registry.SchemaRegistryClient(config.schemaRegistry())),
        new CalcCompiler(functions, extensions.classLoader()),
        processingLog, functions);
    this.executor = new StatementExecutor(context);
  }

  /** Connects to {@code config.bootstrapServers()}, replays the command topic and starts the queries. */
  public static SluiceEngine start(EngineConfig config) {
    SluiceEngine engine = new SluiceEngine(config);
    List<dev.sluice.engine.command.Command> commands = engine.commandLog.readAll();
    engine.context.replay(commands);
    LOG.info("Replayed {} commands: {} sources, {} persistent queries", commands.size(),
        engine.context.metaStore().sources().size(), engine.context.metaStore().queries().size());
    return engine;
  }

  /**
   * Runs every statement of {@code sql} in order (what {@code POST /ksql} does) and returns one entity per
   * statement that has one. A SELECT or PRINT here is an error with code 40002.
   *
   * @throws dev.sluice.error.SluiceException with code and position when a statement is wrong
   */
  public List<KsqlEntity> execute(String sql, Map<String, Object> properties, Map<String, String> variables) {
    return executor.execute(sql, properties, variables);
  }

  /**
   * Starts the push query in {@code sql} (one statement) and streams its rows to {@code listener}. Returns
   * once the query runs, so rows produced afterwards reach it.
   */
  public TransientQuery query(String sql, Map<String, Object> properties, Map<String, String> variables,
      RowListener listener) {
    return executor.query(sql, properties, variables, listener);
  }

  /**
   * Opens inserts into the stream {@code target} ({@code POST /inserts-stream}): the target is checked now,
   * rows are then inserted one at a time with {@link RowInserter#insert}.
   *
   * @throws dev.sluice.error.SluiceException with code 40000 when the target is unknown, a table, windowed or
   *     read-only
   */
  public RowInserter inserter(String target) {
    return StreamInserter.open(context, target);
  }

  /** Stops the transient query with this id; false when there is none. */
  public boolean closeQuery(String queryId) {
    return executor.closeQuery(queryId);
  }

  public String kafkaClusterId() {
    return clusterId;
  }

  public String serviceId() {
    return config.serviceId();
  }

  /** Whether the metastore, Kafka and the command runner are all up. */
  public boolean isHealthy() {
    return !closed && context.allQueriesHealthy();
  }

  @Override
  public void close() {
    closed = true;
    executor.close();
    context.close();
    producer.close();
    commandLog.close();
    processingLog.close();
    topics.close();
    extensions.close();
  }
}
