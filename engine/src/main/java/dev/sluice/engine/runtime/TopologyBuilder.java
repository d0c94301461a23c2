package dev.sluice.engine.runtime;

import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.codegen.RowFunction;
import dev.sluice.engine.processinglog.ProcessingLogEntry;
import dev.sluice.engine.processinglog.ProcessingLogger;
import dev.sluice.engine.serde.RowSerde;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.ExecStepVisitor;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.StreamCalc;
import dev.sluice.planner.plan.StreamSelectKey;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.plan.StreamSource;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.DataContext;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Interprets a physical plan into a Kafka Streams {@link Topology}. This is the only place that speaks the
 * Streams DSL. Every processor is named after its step, so topologies stay stable when plans grow.
 * Streams flow as {@code KStream<Object[] key, Object[] row>}: the key row as read from the topic, the row
 * in the step's schema.
 */
public final class TopologyBuilder implements ExecStepVisitor<KStream<Object[], Object[]>> {
  private final StreamsBuilder builder = new StreamsBuilder();
  private final String queryId;
  private final RowSerdes serdes;
  private final CalcCompiler compiler;
  private final ProcessingLogger processingLog;

  public TopologyBuilder(String queryId, RowSerdes serdes, CalcCompiler compiler, ProcessingLogger processingLog) {
    this.queryId = queryId;
    this.serdes = serdes;
    this.compiler = compiler;
    this.processingLog = processingLog;
  }

  /** A persistent query: the plan ends with a sink. */
  public Topology build(StreamSink sink) {
    sink.accept(this);
    return builder.build();
  }

  /** A push query: every result row goes to {@code rows}, on the stream thread. */
  public Topology build(ExecStep root, Consumer<Object[]> rows) {
    int width = root.schema().columns().size();
    root.accept(this).foreach((k, v) -> {
      if (!Tombstones.isTombstone(v, width)) {
        rows.accept(v);
      }
    }, Named.as("PushSink"));
    return builder.build();
  }

  @Override
  public KStream<Object[], Object[]> visit(StreamSource step) {
    Consumed<Object[], Object[]> consumed = Consumed.with(
        serdes.key(step.sourceSchema().keyColumns(), step.formats(), queryId),
        serdes.value(step.sourceSchema().valueColumns(), step.formats(), queryId))
        .withName(step.name());
    if (step.timestamp().isPresent()) {
      consumed = consumed.withTimestampExtractor(new ColumnTimestampExtractor(step.sourceSchema(),
          step.timestamp().get()));
    }
    int keys = step.sourceSchema().keyColumns().size();
    int values = step.sourceSchema().valueColumns().size();
    return builder.stream(step.topic(), consumed)
        .processValues(() -> new ContextualFixedKeyProcessor<Object[], Object[], Object[]>() {
          @Override
          public void process(FixedKeyRecord<Object[], Object[]> record) {
            if (record.value() == RowSerde.UNREADABLE) {
              return; // already in the processing log
            }
            if (record.value() == null) {
              context().forward(record); // a null value: forwarded, see Tombstones
              return;
            }
            Object[] row = new Object[keys + values + 3];
            Object[] key = record.key();
            if (key != null) {
              System.arraycopy(key, 0, row, 0, Math.min(keys, key.length));
            }
            System.arraycopy(record.value(), 0, row, keys, values);
            RecordMetadata meta = context().recordMetadata().orElse(null);
            row[keys + values] = record.timestamp();
            row[keys + values + 1] = meta == null ? null : meta.partition();
            row[keys + values + 2] = meta == null ? null : meta.offset();
            context().forward(record.withValue(row));
          }
        }, Named.as(step.name() + ".Rows"));
  }

  @Override
  public KStream<Object[], Object[]> visit(StreamCalc step) {
    KStream<Object[], Object[]> input = step.input().accept(this);
    CalcCompiler.Compiled compiled = compiler.compile(step);
    int width = step.schema().columns().size();
    int inputWidth = step.input().schema().columns().size();
    boolean filters = step.filter().isPresent();
    int[] decimalColumns = decimalColumns(step.schema());
    int[] decimalScales = decimalColumns.length == 0 ? new int[0] : scales(step.schema(), decimalColumns);
    return input.processValues(() -> new ContextualFixedKeyProcessor<Object[], Object[], Object[]>() {
      private final RowFunction function = compiled.newInstance();
      private final DataContext root = new StreamDataContext();
      /** An output row a filtered-out record left unused: rows are allocated only for rows that pass. */
      private Object[] spare;

      @Override
      public void process(FixedKeyRecord<Object[], Object[]> record) {
        boolean tombstone = Tombstones.isTombstone(record.value(), inputWidth);
        if (tombstone && filters) {
          return; // a null value has no columns to pass a filter, as in ksqlDB
        }
        Object[] in = record.value() == null ? Tombstones.fromKey(record.key(), inputWidth) : record.value();
        Object[] out = spare != null ? spare : new Object[width];
        spare = null;
        try {
          if (!function.apply(root, in, out)) {
            spare = out;
            return;
          }
        } catch (RuntimeException e) {
          logError("Error evaluating the filter of " + step.name() + ": " + e, e);
          return;
        }
        RuntimeException failed = function.takeError();
        if (failed != null) {
          logError("Error computing " + step.schema().columns().get(function.errorColumn()).name() + " in "
              + step.name() + ", set to null: " + failed, failed);
        }
        for (int i = 0; i < decimalColumns.length; i++) {
          Object v = out[decimalColumns[i]];
          if (v != null) {
            out[decimalColumns[i]] = ((BigDecimal) v).setScale(decimalScales[i], RoundingMode.HALF_UP);
          }
        }
        context().forward(record.withValue(tombstone ? Tombstones.mark(out) : out));
      }

      private void logError(String message, RuntimeException e) {
        RecordMetadata meta = context().recordMetadata().orElse(null);
        ProcessingLogEntry entry = ProcessingLogEntry.error(ProcessingLogEntry.Type.RECORD_PROCESSING_ERROR,
            "processing." + queryId + "." + step.name(), queryId, null, message, ProcessingLogEntry.causes(e),
            meta == null ? null : meta.topic(), null);
        processingLog.error(meta == null ? entry : entry.withPosition(meta.partition(), meta.offset()));
      }
    }, Named.as(step.name()));
  }

  @Override
  public KStream<Object[], Object[]> visit(StreamSink step) {
    KStream<Object[], Object[]> input = step.input().accept(this);
    LogicalSchema schema = step.schema();
    List<Column> columns = schema.columns();
    int[] keyIndexes = indexes(columns, true);
    int[] valueIndexes = indexes(columns, false);
    int timestampIndex = step.timestamp().map(t -> schema.indexOf(t.column())).orElse(-1);
    input.process(() -> new ContextualProcessor<Object[], Object[], Object[], Object[]>() {
      @Override
      public void process(Record<Object[], Object[]> record) {
        Object[] row = record.value();
        if (row == null) {
          context().forward(record);
          return;
        }
        boolean tombstone = Tombstones.isTombstone(row, columns.size());
        Record<Object[], Object[]> out = record.withKey(pick(row, keyIndexes))
            .withValue(tombstone ? null : pick(row, valueIndexes));
        if (timestampIndex >= 0 && row[timestampIndex] != null) {
          out = out.withTimestamp(((Number) row[timestampIndex]).longValue());
        }
        context().forward(out);
      }
    }, Named.as(step.name() + ".Split"))
        .to(step.topic(), Produced.with(serdes.key(schema.keyColumns(), step.formats(), queryId),
            serdes.value(schema.valueColumns(), step.formats(), queryId)).withName(step.name()));
    return input;
  }

  /**
   * Internal topics carry whole rows, in JSON for now (the compact internal format of DESIGN.md is to come):
   * it writes every type exactly and needs no schema registry.
   */
  private static final Formats INTERNAL = new Formats("JSON", "JSON", java.util.Map.of());

  @Override
  public KStream<Object[], Object[]> visit(StreamSelectKey step) {
    KStream<Object[], Object[]> input = step.input().accept(this);
    int keys = step.keyCount();
    List<Column> keyColumns = step.schema().columns().subList(0, keys);
    List<Column> rowColumns = step.schema().columns().stream()
        .map(c -> new Column(c.name(), c.type(), Column.Namespace.VALUE)).toList();
    Formats internal = keys == 0 ? new Formats("NONE", "JSON", java.util.Map.of()) : INTERNAL;
    int width = step.schema().columns().size();
    return input.selectKey((key, row) -> java.util.Arrays.copyOf(row, keys), Named.as(step.name() + ".SelectKey"))
        .mapValues(row -> Tombstones.isTombstone(row, width) ? null : row, Named.as(step.name() + ".Tombstones"))
        .repartition(Repartitioned.<Object[], Object[]>as(step.name())
            .withKeySerde(serdes.key(keyColumns, internal, queryId))
            .withValueSerde(serdes.value(rowColumns, internal, queryId)));
  }

  private static Object[] pick(Object[] row, int[] indexes) {
    Object[] out = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = row[indexes[i]];
    }
    return out;
  }

  private static int[] indexes(List<Column> columns, boolean key) {
    return java.util.stream.IntStream.range(0, columns.size())
        .filter(i -> columns.get(i).isKey() == key).toArray();
  }

  private static int[] decimalColumns(LogicalSchema schema) {
    List<Column> columns = schema.columns();
    return java.util.stream.IntStream.range(0, columns.size())
        .filter(i -> columns.get(i).type().base() == SqlType.BaseType.DECIMAL).toArray();
  }

  private static int[] scales(LogicalSchema schema, int[] indexes) {
    int[] scales = new int[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      scales[i] = ((SqlType.Decimal) schema.columns().get(indexes[i]).type()).scale();
    }
    return scales;
  }
}
