package dev.sluice.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.api.RowInserter;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.command.Command;
import dev.sluice.engine.env.CommandStore;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.serde.FormatInfo;
import dev.sluice.engine.serde.SerdeFactory;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.function.FunctionRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine side of {@code /inserts-stream} without a broker: which targets open, how a JSON row becomes a
 * key, a value and a timestamp in the stream's formats, and the messages of rows that do not fit.
 */
class StreamInserterTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIn();

  /** One record as the engine produced it. */
  private record Sent(String topic, byte[] key, byte[] value, Long timestamp) {}

  @TempDir
  Path stateDir;
  private final List<Sent> sent = new ArrayList<>();
  private EngineContext ctx;
  private StatementExecutor executor;

  @BeforeEach
  void start() {
    InMemoryProcessingLogger processingLog = new InMemoryProcessingLogger();
    List<Command> commands = new ArrayList<>();
    CommandStore log = new CommandStore() {
      @Override
      public void append(String id, Command command) {
        commands.add(command);
      }

      @Override
      public List<Command> readAll() {
        return List.copyOf(commands);
      }
    };
    ctx = new EngineContext(new EngineConfig("unused:9092", "test_", stateDir, Map.of()), new InMemoryEnv.Topics(), log,
        (queryId, applicationId, topology, paused) -> {
          throw new UnsupportedOperationException("no persistent queries here");
        },
        (topic, key, value, timestamp) -> sent.add(new Sent(topic, key, value, timestamp)),
        new FormatSerdes(processingLog), new CalcCompiler(FUNCTIONS, getClass().getClassLoader()), processingLog,
        FUNCTIONS);
    executor = new StatementExecutor(ctx);
    executor.execute("CREATE STREAM orders (id BIGINT KEY, amount DECIMAL(6, 2), at TIMESTAMP, d DATE, t TIME, "
        + "tags ARRAY<STRING>, addr STRUCT<city STRING, zip INT>, `lower` STRING) "
        + "WITH (KAFKA_TOPIC='orders', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=1);", Map.of(), Map.of());
  }

  @AfterEach
  void stop() {
    executor.close();
    ctx.close();
  }

  @Test
  void aRowBecomesKeyValueAndTimestampInTheStreamsFormats() {
    RowInserter inserter = StreamInserter.open(ctx, "orders");
    assertThat(inserter.target()).isEqualTo("ORDERS");

    insert(inserter, "{\"ID\": 7, \"amount\": 12.5, \"AT\": \"2024-03-01T10:15:30\", \"d\": \"2024-03-01\", "
        + "\"t\": \"10:15:30\", \"tags\": [\"a\", null], \"ADDR\": {\"city\": \"Oslo\", \"ZIP\": 150}, "
        + "\"lower\": \"exact\", \"ROWTIME\": \"2024-03-01T00:00:00Z\", \"unknown\": 1}");
    insert(inserter, "{\"id\": 8, \"rowtime\": 1700000000000, \"AT\": 1700000000001}");

    assertThat(sent).hasSize(2);
    Sent first = sent.get(0);
    assertThat(first.topic()).isEqualTo("orders");
    assertThat(key(first)).containsExactly(7L);
    assertThat(value(first)).containsExactly(new BigDecimal("12.50"),
        Instant.parse("2024-03-01T10:15:30Z").toEpochMilli(), 19783, 36_930_000,
        Arrays.asList("a", null), new Object[] {"Oslo", 150}, "exact");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
    Sent second = sent.get(1);
    assertThat(key(second)).containsExactly(8L);
    assertThat(value(second)).containsExactly(null, 1700000000001L, null, null, null, null, null);
    assertThat(second.timestamp()).isEqualTo(1700000000000L);
  }

  @Test
  void aMissingKeyIsANullKeyAndNoRowtimeLeavesTheTimestampToTheProducer() {
    insert(StreamInserter.open(ctx, "ORDERS"), "{\"AMOUNT\": 1}");

    assertThat(sent.get(0).key()).isNull();
    assertThat(sent.get(0).timestamp()).isNull();
  }

  @Test
  void rowsThatDoNotFitAreBadRequestsAndProduceNothing() {
    RowInserter inserter = StreamInserter.open(ctx, "ORDERS");

    assertBadRow(inserter, "{\"ID\": \"seven\"}",
        "Failed to insert values into 'ORDERS'. Can't coerce string to type. targetType: BIGINT, path: $.ID");
    assertBadRow(inserter, "{\"AMOUNT\": 12345.5}", "Failed to insert values into 'ORDERS'.");
    assertBadRow(inserter, "{\"AT\": \"yesterday\"}",
        "Failed to insert values into 'ORDERS'. Can't parse 'yesterday' as TIMESTAMP");
    assertBadRow(inserter, "{\"TAGS\": \"a\"}", "Failed to insert values into 'ORDERS'. Can't convert type. "
        + "sourceType: TextNode, requiredType: ARRAY<STRING>, path: $.TAGS");
    assertBadRow(inserter, "{\"ID\": 1,", "Failed to insert values into 'ORDERS'.");
    assertBadRow(inserter, "null", "A row must be a JSON object");
    assertThat(sent).isEmpty();
  }

  @Test
  void onlyExistingWritableStreamsOpen() {
    executor.execute("CREATE TABLE totals (id BIGINT PRIMARY KEY, n INT) "
        + "WITH (KAFKA_TOPIC='totals', VALUE_FORMAT='JSON', PARTITIONS=1);", Map.of(), Map.of());
    executor.execute("CREATE SOURCE STREAM feed (id BIGINT KEY, n INT) "
        + "WITH (KAFKA_TOPIC='feed', VALUE_FORMAT='JSON', PARTITIONS=1);", Map.of(), Map.of());

    assertOpenFails("nope", "Cannot insert values into an unknown stream: nope");
    assertOpenFails("totals", "Cannot insert into a table");
    assertOpenFails("FEED", "Cannot insert values into read-only stream: FEED");
  }

  private static void insert(RowInserter inserter, String json) {
    inserter.insert(json.getBytes(StandardCharsets.UTF_8));
  }

  private void assertBadRow(RowInserter inserter, String json, String message) {
    assertThatThrownBy(() -> insert(inserter, json))
        .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessageContaining(message);
  }

  private void assertOpenFails(String target, String message) {
    assertThatThrownBy(() -> StreamInserter.open(ctx, target))
        .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessage(message);
  }

  private Object[] key(Sent record) {
    return SerdeFactory.decodeOrThrow(ctx.metaStore.source("ORDERS").orElseThrow().schema().keyColumns(),
        FormatInfo.of("KAFKA", Map.of()), true, record.topic(), record.key());
  }

  private Object[] value(Sent record) {
    return SerdeFactory.decodeOrThrow(ctx.metaStore.source("ORDERS").orElseThrow().schema().valueColumns(),
        FormatInfo.of("JSON", Map.of()), false, record.topic(), record.value());
  }
}
