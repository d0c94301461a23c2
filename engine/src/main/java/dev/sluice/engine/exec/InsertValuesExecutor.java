package dev.sluice.engine.exec;

import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.serde.SerdeFactory;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.catalog.PseudoColumns;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * INSERT INTO ... VALUES: one record, serialized in the source's formats and produced synchronously, so the
 * statement succeeds only once Kafka has the record. The producer is shared and guarded against the
 * just-created-topic loss of KAFKA-15591 (one request in flight).
 */
final class InsertValuesExecutor implements AutoCloseable {
  private final EngineContext ctx;
  private KafkaProducer<byte[], byte[]> producer;

  InsertValuesExecutor(EngineContext ctx) {
    this.ctx = ctx;
  }

  void insert(Statement.InsertValues stmt) {
    DataSource ds = ctx.metaStore.source(stmt.target()).orElseThrow(() ->
        SluiceException.statement(stmt.pos(), "Cannot insert values into an unknown stream/table: " + stmt.target()));
    if (ds.source()) {
      throw SluiceException.statement(stmt.pos(), "Cannot insert values into read-only " 
          + ds.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + ds.name());
    }
    LogicalSchema schema = ds.schema();
    List<String> columns = stmt.columns().isEmpty()
        ? schema.columns().stream().map(Column::name).toList() : stmt.columns();
    if (columns.size() != stmt.values().size()) {
      throw SluiceException.statement(stmt.pos(), "Expected a value for each column. Expected Columns: "
          + columns + ". Got " + stmt.values().size() + " values.");
    }
    List<Column> keys = schema.keyColumns();
    List<Column> values = schema.valueColumns();
    Object[] keyRow = new Object[keys.size()];
    Object[] valueRow = new Object[values.size()];
    Long timestamp = null;
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      Expression expr = stmt.values().get(i);
      if (name.equals(PseudoColumns.ROWTIME)) {
        timestamp = (Long) LiteralValues.coerce(expr, dev.sluice.planner.schema.SqlType.BIGINT, name);
        continue;
      }
      Column column = schema.find(name).orElseThrow(() -> SluiceException.statement(expr.pos(),
          "Column name " + name + " does not exist."));
      Object value = LiteralValues.coerce(expr, column.type(), name);
      if (column.isKey()) {
        keyRow[keys.indexOf(column)] = value;
      } else {
        valueRow[values.indexOf(column)] = value;
      }
    }
    byte[] key;
    byte[] value;
    try {
      key = SerdeFactory.encodeOrThrow(keys, FormatSerdes.keyFormat(Sources.formats(ds)), true, ds.topic(), keyRow);
      value = SerdeFactory.encodeOrThrow(values, FormatSerdes.valueFormat(Sources.formats(ds)), false, ds.topic(),
          valueRow);
    } catch (RuntimeException e) {
      throw SluiceException.statement(stmt.pos(), "Failed to insert values into '" + ds.name() + "'. "
          + e.getMessage());
    }
    try {
      producer().send(new ProducerRecord<>(ds.topic(), null, timestamp, key, value)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Failed to insert values into '" + ds.name() + "': "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(ErrorCode.SERVER_SHUTTING_DOWN, "Interrupted while inserting values");
    }
  }

  private synchronized KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.config.bootstrapServers());
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
      p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
      producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }

}
