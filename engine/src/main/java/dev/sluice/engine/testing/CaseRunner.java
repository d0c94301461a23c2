package dev.sluice.engine.testing;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.exec.EngineContext;
import dev.sluice.engine.exec.StatementExecutor;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.engine.processinglog.ProcessingLogEntry;
import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.runtime.QueryState;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ParsedStatement;
import dev.sluice.parser.SqlParseException;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.Literal;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.plan.StreamSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs one case on a fresh engine: creates the topics the case's statements and inputs name, executes the
 * statements in order with the engine's own {@link StatementExecutor}, then drives each persistent query on
 * a {@link TopologyTestDriver}, in statement order: first the case's inputs for its source topics, one
 * record at a time in file order, then the records already on its other source topics (INSERT VALUES rows,
 * upstream queries' output). Caching is off, so every update is emitted, as ksqlDB's harness assumes.
 * Thread-safe: cases may run concurrently, each on its own thread.
 */
public final class CaseRunner {
  /** ksqlDB's harness uses this service id; query application ids derive from it. */
  static final String SERVICE_ID = "some.ksql.service.id";
  private static final AtomicLong DRIVER_COUNT = new AtomicLong();

  private final FunctionRegistry functions = FunctionRegistry.builtIn();
  private final CalcCompiler compiler = new CalcCompiler(functions, CaseRunner.class.getClassLoader());
  private final Path stateRoot;
  private final dev.sluice.engine.serde.registry.SchemaRegistryClient registry;

  /** Without a Schema Registry: cases that need one are skipped. */
  public CaseRunner() {
    this(null);
  }

  /**
   * @param registry the Schema Registry of the AVRO, PROTOBUF and JSON_SR cases, or null to skip them
   */
  public CaseRunner(dev.sluice.engine.serde.registry.SchemaRegistryClient registry) {
    this.registry = registry;
    try {
      stateRoot = Files.createTempDirectory("sluice-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stateRoot.toFile().deleteOnExit();
  }

  /** Runs a case, or says why it is not run. Never throws. */
  public CaseResult run(TestCase tc) {
    Optional<String> skip = CaseClassifier.skipReason(tc, registry != null);
    if (skip.isPresent()) {
      return CaseResult.skipped(tc, skip.get());
    }
    if (tc.invalid() != null) {
      return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.FAILED, null,
          "invalid test: " + tc.invalid(), Map.of(), false, "", null);
    }
    boolean locked = false;
    try {
      CaseSchemas schemas = null;
      TestCase toRun = tc;
      if (registry != null && CaseClassifier.usesRegistry(tc)) {
        CaseSchemas.LOCK.lock();
        locked = true;
        schemas = new CaseSchemas(registry);
        schemas.reset();
        schemas.register(tc.topics(), tc.statements());
        toRun = new TestCase(tc.file(), tc.name(), schemas.rewrite(tc.statements()), tc.properties(), tc.inputs(),
            tc.outputs(), tc.topics(), tc.expectedError(), tc.post(), tc.enabled(), tc.invalid(), tc.raw());
      }
      return new Execution(toRun, schemas).run();
    } catch (RuntimeException | AssertionError | StackOverflowError | LinkageError e) {
      return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.FAILED,
          CaseResult.Stage.EXECUTE, "test runner error: " + TestFiles.oneLine(String.valueOf(e)), Map.of(), false,
          "", null);
    } finally {
      if (locked) {
        CaseSchemas.LOCK.unlock();
      }
    }
  }

  /**
   * The physical plan of every persistent query {@code script} starts, by query id in start order, as the JSON
   * the command topic stores: what the golden-file tests of plans pin. Throws when a statement fails.
   */
  public Map<String, com.fasterxml.jackson.databind.JsonNode> plans(String script) {
    TestCase tc = new TestCase("plans", "plans", List.of(script), Map.of(), List.of(), List.of(), List.of(),
        Optional.empty(), null, true, null, null);
    return new Execution(tc, null).plans();
  }

  /** The state of one run of one case. */
  private final class Execution {
    private final TestCase tc;
    private final InMemoryKafka kafka = new InMemoryKafka();
    private final CapturedQueries queries = new CapturedQueries();
    private final InMemoryProcessingLogger processingLog = new InMemoryProcessingLogger();
    private final Map<String, TopicShape> shapes = new LinkedHashMap<>();
    private final Set<String> sinkTopics = new LinkedHashSet<>();
    private final Set<String> allTopics = new LinkedHashSet<>();
    private final CaseSchemas schemas;
    private EngineContext ctx;

    /** @param schemas the case's registered topic schemas, or null when it uses no registry */
    Execution(TestCase tc, CaseSchemas schemas) {
      this.tc = tc;
      this.schemas = schemas;
    }

    private EngineContext newContext() {
      EngineConfig config = new EngineConfig("unused:9092", SERVICE_ID, stateRoot, Map.of());
      return new EngineContext(config, kafka, queries, queries, kafka, new FormatSerdes(processingLog, registry),
          compiler, processingLog, functions);
    }

    Map<String, com.fasterxml.jackson.databind.JsonNode> plans() {
      createTopics();
      ctx = newContext();
      try (StatementExecutor executor = new StatementExecutor(ctx)) {
        executor.execute(tc.statements().get(0), Map.of(), Map.of());
        Map<String, com.fasterxml.jackson.databind.JsonNode> out = new LinkedHashMap<>();
        ctx.metaStore().queries().forEach(q ->
            out.put(q.id(), dev.sluice.engine.command.PlanJson.MAPPER.valueToTree(q.plan())));
        return out;
      } finally {
        ctx.close();
      }
    }

    CaseResult run() {
      createTopics();
      ctx = newContext();
      try (StatementExecutor executor = new StatementExecutor(ctx)) {
        List<String> statements = tc.statements();
        for (int i = 0; i < statements.size(); i++) {
          try {
            executor.execute(statements.get(i), tc.properties(), Map.of());
          } catch (RuntimeException | AssertionError | StackOverflowError e) {
            CaseResult.Stage stage = isParseError(e) ? CaseResult.Stage.PARSE : CaseResult.Stage.PLAN;
            if (tc.negative() && i < statements.size() - 1) {
              return fail(stage, "statement " + (i + 1) + " of " + statements.size()
                  + " failed, but only the last may: " + message(e), "");
            }
            return failure(stage, e, i);
          }
        }
        tc.inputs().forEach(kafka::appendInput);
        try {
          runQueries();
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
          return failure(CaseResult.Stage.EXECUTE, e, -1);
        }
        if (tc.negative()) {
          return fail(CaseResult.Stage.COMPARE, "expected an error (" + ExpectedErrors.describe(tc.expectedError()
              .get()) + "), but every statement succeeded and no query failed", "");
        }
        return compare();
      } finally {
        ctx.close();
      }
    }

    /** The case's statement or query failed: a failure, unless the case expects this error. */
    private CaseResult failure(CaseResult.Stage stage, Throwable e, int statement) {
      if (!tc.negative()) {
        String where = statement >= 0 ? "statement " + (statement + 1) + ": " : "";
        return fail(stage, where + message(e), processingLogLines());
      }
      ExpectedErrors.Verdict verdict = ExpectedErrors.judge(tc.expectedError().get(), e, stage);
      if (verdict.passed()) {
        return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.PASSED, null, null, actual(),
            verdict.ksqlText(), "error: " + message(e), null);
      }
      return fail(CaseResult.Stage.COMPARE, verdict.reason(), "");
    }

    private CaseResult fail(CaseResult.Stage stage, String reason, String details) {
      Map<String, List<ActualRecord>> actual;
      try {
        actual = actual();
      } catch (RuntimeException e) {
        actual = Map.of();
      }
      return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.FAILED, stage,
          TestFiles.oneLine(reason), actual, false, details, null);
    }

    // ------------------------------------------------------------------ topics

    private void createTopics() {
      // A CREATE's PARTITIONS wins over a topics[] entry that does not say how many (ksqlDB's default of 1).
      for (var t : tc.topics()) {
        if (t.path("name").isTextual() && t.has("partitions")) {
          kafka.ensure(t.get("name").asText(), t.get("partitions").asInt(1), (short) 1, Map.of());
        }
      }
      createStatementTopics();
      for (var t : tc.topics()) {
        if (t.path("name").isTextual()) {
          kafka.ensure(t.get("name").asText(), 1, (short) 1, Map.of());
        }
      }
      tc.inputs().forEach(r -> kafka.ensure(r.topic(), 1, (short) 1, Map.of()));
    }

    private void createStatementTopics() {
      for (String sql : tc.statements()) {
        List<ParsedStatement> parsed;
        try {
          parsed = SqlParser.parse(sql);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
          continue; // fails again, in order, when the statements run
        }
        for (ParsedStatement p : parsed) {
          if (p.statement() instanceof Statement.CreateSource c) {
            Literal topic = c.properties().get("KAFKA_TOPIC");
            if (topic != null) {
              kafka.ensure(topic.text(), partitions(c.properties().get("PARTITIONS")), (short) 1, Map.of());
            }
          }
        }
      }
    }

    private int partitions(Literal literal) {
      try {
        return literal == null ? 1 : Math.max(1, Integer.parseInt(literal.text().trim()));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    // ------------------------------------------------------------------ queries

    private void runQueries() {
      for (DataSource ds : ctx.metaStore().sources()) {
        shape(ds.topic(), ds.schema().keyColumns(), ds.schema().valueColumns(),
            new Formats(ds.keyFormat(), ds.valueFormat(), ds.formatProperties()));
      }
      for (CapturedQueries.Captured q : queries.all()) {
        allTopics.addAll(topologyTopics(q));
        Optional<PersistentQueryInfo> info = ctx.metaStore().query(q.queryId);
        if (info.isPresent()) {
          StreamSink sink = info.get().plan();
          sinkTopics.add(sink.topic());
          shape(sink.topic(), sink.schema().keyColumns(), sink.schema().valueColumns(), sink.formats());
        }
      }
      for (CapturedQueries.Captured q : queries.running()) {
        if (q.state() != QueryState.PAUSED) { // the inputs come after every statement: a paused query sees none
          runQuery(q);
        }
      }
    }

    private void shape(String topic, List<dev.sluice.planner.schema.Column> keys,
        List<dev.sluice.planner.schema.Column> values, Formats formats) {
      try {
        shapes.put(topic, TopicShape.of(keys, values, formats, registry));
      } catch (RuntimeException e) {
        // a format the runner cannot read: records of the topic are shown raw
      }
    }

    private void runQuery(CapturedQueries.Captured q) {
      Map<String, TopicShape> sources = new LinkedHashMap<>();
      ctx.metaStore().query(q.queryId).ifPresent(info -> collectSources(info.plan(), sources));
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, q.applicationId);
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
      props.put("auto.offset.reset", "earliest");
      props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
      Path stateDir = stateRoot.resolve("driver-" + DRIVER_COUNT.incrementAndGet());
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      try (TopologyTestDriver driver = new TopologyTestDriver(q.topology, props, Instant.EPOCH)) {
        Map<String, TestInputTopic<byte[], byte[]>> inputs = new LinkedHashMap<>();
        try {
          for (InMemoryKafka.Stored s : kafka.inputs()) {
            if (sources.containsKey(s.topic())) {
              pipe(driver, inputs, s, sources.get(s.topic()));
            }
          }
          for (Map.Entry<String, TopicShape> source : sources.entrySet()) {
            for (InMemoryKafka.Stored s : kafka.records(source.getKey())) {
              if (!s.isInput()) {
                pipe(driver, inputs, s, source.getValue());
              }
            }
          }
        } finally {
          collectOutputs(driver, q);
        }
      } finally {
        deleteRecursively(stateDir);
      }
    }

    /** Appends what the query wrote to the case's topics (not its own internal topics). */
    private void collectOutputs(TopologyTestDriver driver, CapturedQueries.Captured q) {
        for (String topic : driver.producedTopicNames()) {
          if (topic.startsWith(q.applicationId + "-")) {
            continue; // the query's own repartition and changelog topics
          }
          for (TestRecord<byte[], byte[]> r : driver.createOutputTopic(topic, new ByteArrayDeserializer(),
              new ByteArrayDeserializer()).readRecordsToList()) {
            List<TestCase.Header> headers = new ArrayList<>();
            for (Header h : r.headers()) {
              headers.add(new TestCase.Header(h.key(), h.value()));
            }
            kafka.append(new InMemoryKafka.Stored(topic, r.key(), r.value(), r.timestamp(), headers, null));
          }
        }
    }

    private void pipe(TopologyTestDriver driver, Map<String, TestInputTopic<byte[], byte[]>> inputs,
        InMemoryKafka.Stored s, TopicShape shape) {
      byte[] key = s.isInput() ? inputKey(s.input(), shape) : s.key();
      byte[] value = s.isInput() ? inputValue(s.input(), shape) : s.value();
      RecordHeaders headers = new RecordHeaders();
      s.headers().forEach(h -> headers.add(h.key(), h.value()));
      inputs.computeIfAbsent(s.topic(), t -> driver.createInputTopic(t, new ByteArraySerializer(),
          new ByteArraySerializer())).pipeInput(new TestRecord<>(key, value, headers, s.timestamp()));
    }

    /** An input key: with the schema the case registered for its topic, if any, else the source's format. */
    private byte[] inputKey(TestCase.Record r, TopicShape shape) {
      if (schemas != null && r.window() == null && schemas.has(r.topic(), true)) {
        byte[] bytes = schemas.encode(r.topic(), true, r.key());
        if (bytes != null || r.key() == null || r.key().isNull()) {
          return bytes;
        }
      }
      return RecordShapes.keyBytes(r, shape);
    }

    private byte[] inputValue(TestCase.Record r, TopicShape shape) {
      if (schemas != null && schemas.has(r.topic(), false)) {
        byte[] bytes = schemas.encode(r.topic(), false, r.value());
        if (bytes != null || r.value() == null || r.value().isNull()) {
          return bytes;
        }
      }
      return RecordShapes.valueBytes(r, shape);
    }

    private void collectSources(ExecStep step, Map<String, TopicShape> out) {
      if (step instanceof StreamSource s) {
        out.putIfAbsent(s.topic(), TopicShape.of(s.sourceSchema().keyColumns(), s.sourceSchema().valueColumns(),
            s.formats(), registry));
      } else if (step instanceof dev.sluice.planner.plan.TableSource t) {
        out.putIfAbsent(t.topic(), TopicShape.of(t.sourceSchema().keyColumns(), t.sourceSchema().valueColumns(),
            t.formats(), registry));
      }
      step.inputs().forEach(i -> collectSources(i, out));
    }

    private Set<String> topologyTopics(CapturedQueries.Captured q) {
      Set<String> out = new LinkedHashSet<>();
      for (TopologyDescription.Subtopology sub : q.topology.describe().subtopologies()) {
        for (TopologyDescription.Node node : sub.nodes()) {
          if (node instanceof TopologyDescription.Source src && src.topicSet() != null) {
            out.addAll(src.topicSet());
          } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
            out.add(sink.topic());
          }
        }
      }
      return out;
    }

    // ------------------------------------------------------------------ checks

    private CaseResult compare() {
      Map<String, List<TestCase.Record>> expected = new LinkedHashMap<>();
      for (TestCase.Record r : tc.outputs()) {
        expected.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r);
      }
      Map<String, List<ActualRecord>> actual = actual();
      boolean checkZeroTimestamp = !tc.inputs().isEmpty();
      for (Map.Entry<String, List<TestCase.Record>> e : expected.entrySet()) {
        List<ActualRecord> got = actual.getOrDefault(e.getKey(), List.of());
        String why = null;
        if (got.size() != e.getValue().size()) {
          why = e.getKey() + ": expected " + e.getValue().size() + " records, got " + got.size();
        } else {
          for (int i = 0; i < got.size() && why == null; i++) {
            String m = RecordComparator.mismatch(e.getValue().get(i), got.get(i), checkZeroTimestamp);
            if (m != null) {
              why = e.getKey() + "[" + i + "]: " + m;
            }
          }
        }
        if (why != null) {
          String details = SideBySide.render(e.getKey(), e.getValue(), got, checkZeroTimestamp)
              + processingLogLines();
          return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.FAILED,
              CaseResult.Stage.COMPARE, TestFiles.oneLine(why), actual, false, details, null);
        }
      }
      Optional<String> post = PostConditions.check(tc.post(), ctx.metaStore(), kafka);
      if (post.isPresent()) {
        return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.FAILED, CaseResult.Stage.COMPARE,
            TestFiles.oneLine(post.get()), actual, false, "", null);
      }
      Set<String> topics = new LinkedHashSet<>(allTopics);
      topics.addAll(kafka.list(true).keySet());
      return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.PASSED, null, null, actual, false,
          "", PostConditions.blacklisted(tc.post(), topics).orElse(null));
    }

    /** Every record on the topics the case's queries write and its {@code outputs} name, decoded. */
    private Map<String, List<ActualRecord>> actual() {
      Set<String> topics = new LinkedHashSet<>();
      tc.outputs().forEach(r -> topics.add(r.topic()));
      topics.addAll(sinkTopics);
      Map<String, List<ActualRecord>> out = new LinkedHashMap<>();
      for (String topic : topics) {
        List<ActualRecord> records = new ArrayList<>();
        TopicShape shape = shapes.get(topic);
        for (InMemoryKafka.Stored s : kafka.records(topic)) {
          if (s.isInput()) {
            records.add(new ActualRecord(s.input().key(), s.input().value(), s.timestamp(), s.input().window(),
                s.headers()));
          } else {
            RecordShapes.Windowed key = RecordShapes.unwindow(s.key(), shape == null ? null : shape.window());
            records.add(new ActualRecord(RecordShapes.key(key.inner(), shape), RecordShapes.value(s.value(), shape),
                s.timestamp(), key.window(), s.headers()));
          }
        }
        out.put(topic, records);
      }
      return out;
    }

    private String processingLogLines() {
      List<ProcessingLogEntry> entries = processingLog.entries();
      if (entries.isEmpty()) {
        return "";
      }
      StringBuilder sb = new StringBuilder("processing log:\n");
      for (ProcessingLogEntry e : entries) {
        sb.append("  ").append(e.type()).append(' ').append(e.queryId()).append(": ")
            .append(TestFiles.oneLine(e.errorMessage())).append('\n');
      }
      return sb.toString();
    }
  }

  private static boolean isParseError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SqlParseException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** An error's message, with the class name when it is not one of Sluice's own errors. */
  static String message(Throwable e) {
    if (e instanceof SluiceException) {
      return TestFiles.oneLine(e.getMessage());
    }
    List<String> messages = ExpectedErrors.messages(e);
    return TestFiles.oneLine(e.getClass().getSimpleName() + ": " + String.join(" <- ", messages));
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory; the JVM's temp cleanup gets it
    }
  }
}
