package dev.sluice.engine.runtime;

import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.codegen.RowFunction;
import dev.sluice.engine.processinglog.ProcessingLogEntry;
import dev.sluice.engine.processinglog.ProcessingLogger;
import dev.sluice.engine.serde.RowSerde;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.ExecStepVisitor;
import dev.sluice.engine.serde.InternalFormat;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.StreamCalc;
import dev.sluice.planner.plan.StreamFlatMap;
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
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.plan.TableCalc;
import dev.sluice.planner.plan.TableSource;
import dev.sluice.planner.plan.ForeignKeyTableJoin;
import dev.sluice.planner.plan.StreamStreamJoin;
import dev.sluice.planner.plan.StreamTableJoin;
import dev.sluice.planner.plan.TableTableJoin;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KGroupedTable;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.ValueTransformerWithKey;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.processor.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Interprets a physical plan into a Kafka Streams {@link Topology}. This is the only place that speaks the
 * Streams DSL. Every processor is named after its step, so topologies stay stable when plans grow.
 * Streams flow as {@code KStream<Object[] key, Object[] row>}: the key row as read from the topic, the row
 * in the step's schema.
 */
public final class TopologyBuilder implements ExecStepVisitor<Flow> {
  private final StreamsBuilder builder = new StreamsBuilder();
  private final String queryId;
  private final RowSerdes serdes;
  private final CalcCompiler compiler;
  private final ProcessingLogger processingLog;
  private final Joins joins;
  private final InternalSerdes internal;

  /** A builder for a new query, whose internal topics and stores use Sluice's binary rows. */
  public TopologyBuilder(String queryId, RowSerdes serdes, CalcCompiler compiler, ProcessingLogger processingLog) {
    this(queryId, serdes, compiler, processingLog, InternalFormat.BINARY);
  }

  /** A builder for a query whose internal topics and stores use {@code internalFormat} (see {@link InternalFormat}). */
  public TopologyBuilder(String queryId, RowSerdes serdes, CalcCompiler compiler, ProcessingLogger processingLog,
      InternalFormat internalFormat) {
    this.queryId = queryId;
    this.serdes = serdes;
    this.compiler = compiler;
    this.processingLog = processingLog;
    this.internal = new InternalSerdes(serdes, queryId, internalFormat);
    this.joins = new Joins(internal);
  }

  /** A persistent query: the plan ends with a sink. */
  public Topology build(StreamSink sink) {
    sink.accept(this);
    return builder.build();
  }

  /** A push query: every result row goes to {@code rows}, on the stream thread. */
  public Topology build(ExecStep root, Consumer<Object[]> rows) {
    int width = root.schema().columns().size();
    stream(root.accept(this), root.name()).foreach((k, v) -> {
      if (!Tombstones.isTombstone(v, width)) {
        rows.accept(v);
      }
    }, Named.as("PushSink"));
    return builder.build();
  }

  /** The flow as a stream: a table's changelog (with its window keys when windowed). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static KStream<Object[], Object[]> stream(Flow flow, String name) {
    if (flow.stream() != null) {
      return flow.stream();
    }
    return (KStream) flow.table().toStream(Named.as(name + ".ToStream"));
  }

  @Override
  public Flow visit(StreamSource step) {
    return new Flow(sourceRows(step), null, WindowedKeys.windowed(step.formats()),
        WindowedKeys.session(step.formats()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private KStream<Object[], Object[]> sourceRows(StreamSource step) {
    boolean windowed = WindowedKeys.windowed(step.formats());
    Serde<Object[]> keySerde = serdes.key(step.sourceSchema().keyColumns(), step.formats(), queryId);
    Consumed<Object[], Object[]> consumed = Consumed.with(
        windowed ? (Serde) WindowedKeys.serde(keySerde, step.formats()) : keySerde,
        serdes.value(step.sourceSchema().valueColumns(), step.formats(), queryId))
        .withName(step.name());
    if (step.timestamp().isPresent()) {
      consumed = consumed.withTimestampExtractor(new ColumnTimestampExtractor(step.sourceSchema(),
          step.timestamp().get()));
    }
    int keys = step.sourceSchema().keyColumns().size();
    int values = step.sourceSchema().valueColumns().size();
    HeaderColumns headers = new HeaderColumns(step.sourceSchema().headerColumns());
    int fields = keys + values + headers.size();
    return builder.stream(step.topic(), consumed)
        .processValues(() -> new ContextualFixedKeyProcessor<Object[], Object[], Object[]>() {
          @Override
          public void process(FixedKeyRecord<Object[], Object[]> record) {
            if (record.value() == RowSerde.UNREADABLE) {
              return; // already in the processing log
            }
            Object recordKey = record.key();
            org.apache.kafka.streams.kstream.Window window = null;
            if (recordKey instanceof Windowed<?> w) {
              window = w.window();
              recordKey = w.key();
            }
            if (record.value() == null && window == null) {
              context().forward(record); // a null value: forwarded, see Tombstones
              return;
            }
            Object[] row = new Object[fields + (window == null ? 3 : 5)];
            Object[] key = (Object[]) recordKey;
            if (key != null) {
              System.arraycopy(key, 0, row, 0, Math.min(keys, key.length));
            }
            if (record.value() != null) {
              System.arraycopy(record.value(), 0, row, keys, values);
            }
            headers.read(record.headers(), row, keys + values);
            RecordMetadata meta = context().recordMetadata().orElse(null);
            row[fields] = record.timestamp();
            row[fields + 1] = meta == null ? null : meta.partition();
            row[fields + 2] = meta == null ? null : meta.offset();
            if (window != null) {
              row[fields + 3] = window.start();
              row[fields + 4] = window.end();
            }
            // A windowed key is no key row, so a null value travels as a marked row (see Tombstones).
            context().forward(record.withValue(record.value() == null ? Tombstones.mark(row) : row));
          }
        }, Named.as(step.name() + ".Rows"));
  }

  @Override
  public Flow visit(StreamCalc step) {
    Flow inputFlow = step.input().accept(this);
    KStream<Object[], Object[]> input = stream(inputFlow, step.name());
    CalcCompiler.Compiled compiled = compiler.compile(step);
    int width = step.schema().columns().size();
    int inputWidth = step.input().schema().columns().size();
    boolean filters = step.filter().isPresent();
    int[] decimalColumns = decimalColumns(step.schema());
    int[] decimalScales = decimalColumns.length == 0 ? new int[0] : scales(step.schema(), decimalColumns);
    boolean[] readsValues = compiled.readsValues();
    return new Flow(input.processValues(() -> new ContextualFixedKeyProcessor<Object[], Object[], Object[]>() {
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
        if (tombstone) {
          for (int i = 0; i < readsValues.length; i++) {
            if (readsValues[i]) {
              out[i] = null;
            }
          }
        }
        // A value with more fraction digits than its column is rounded to it; a shorter one stays as computed,
        // as ksqlDB passes it on (JSON writes it so; the other formats pad it to the column's scale).
        for (int i = 0; i < decimalColumns.length; i++) {
          Object v = out[decimalColumns[i]];
          if (v != null && ((BigDecimal) v).scale() > decimalScales[i]) {
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
    }, Named.as(step.name())), null, inputFlow.windowed(), inputFlow.session());
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Flow visit(StreamSink step) {
    Flow flow = step.input().accept(this);
    KStream<Object[], Object[]> input = stream(flow, step.name());
    LogicalSchema schema = step.schema();
    List<Column> columns = schema.columns();
    int[] keyIndexes = indexes(columns, true);
    int[] valueIndexes = indexes(columns, false);
    int timestampIndex = step.timestamp().map(t -> schema.indexOf(t.column())).orElse(-1);
    java.time.format.DateTimeFormatter timestampFormat =
        step.timestamp().map(ColumnTimestampExtractor::formatter).orElse(null);
    boolean windowed = flow.windowed();
    KStream<Object, Object[]> keyed = (KStream) input;
    keyed.process(() -> new ContextualProcessor<Object, Object[], Object, Object[]>() {
      @Override
      public void process(Record<Object, Object[]> record) {
        Object[] row = record.value();
        if (row == null) {
          context().forward(record);
          return;
        }
        boolean tombstone = Tombstones.isTombstone(row, columns.size());
        Object[] keyRow = pick(row, keyIndexes);
        // A record read without a key and not re-keyed is written without one, as ksqlDB passes its null key on,
        // rather than as a key of null columns (which a multi-column JSON or AVRO key would write as a record).
        Object key = record.key() == null && allNull(keyRow) ? null : keyRow;
        if (windowed) {
          key = new Windowed<>((Object[]) key, ((Windowed<?>) record.key()).window());
        }
        Record<Object, Object[]> out = record.withKey(key).withValue(tombstone ? null : pick(row, valueIndexes));
        if (timestampIndex >= 0 && row[timestampIndex] != null) {
          Object value = row[timestampIndex];
          long timestamp;
          try {
            timestamp = timestampFormat == null ? ((Number) value).longValue()
                : ColumnTimestampExtractor.parse(timestampFormat, (String) value);
          } catch (java.time.DateTimeException e) {
            skip("Failed to parse timestamp '" + value + "' of column " + columns.get(timestampIndex).name()
                + ": " + e.getMessage());
            return;
          }
          if (timestamp < 0) {
            // Kafka refuses the record and would fail the query: as in ksqlDB, it is logged and skipped.
            skip("Timestamp may not be negative. Got: " + timestamp + " in column "
                + columns.get(timestampIndex).name());
            return;
          }
          out = out.withTimestamp(timestamp);
        }
        context().forward(out);
      }

      private void skip(String message) {
        RecordMetadata meta = context().recordMetadata().orElse(null);
        ProcessingLogEntry entry = ProcessingLogEntry.error(ProcessingLogEntry.Type.RECORD_PROCESSING_ERROR,
            "processing." + queryId + "." + step.name(), queryId, null, message, List.of(),
            meta == null ? null : meta.topic(), null);
        processingLog.error(meta == null ? entry : entry.withPosition(meta.partition(), meta.offset()));
      }
    }, Named.as(step.name() + ".Split"))
        .to(step.topic(), Produced.with(sinkKeySerde(step, flow),
            serdes.value(schema.valueColumns(), step.formats(), queryId)).withName(step.name()));
    return flow;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Serde<Object> sinkKeySerde(StreamSink step, Flow flow) {
    Serde<Object[]> inner = serdes.key(step.schema().keyColumns(), step.formats(), queryId);
    if (!flow.windowed()) {
      return (Serde) inner;
    }
    if (flow.session()) {
      return (Serde) new WindowedSerdes.SessionWindowedSerde<>(inner);
    }
    String size = step.formats().properties().get("WINDOW_SIZE");
    return (Serde) new WindowedSerdes.TimeWindowedSerde<>(inner, size == null ? Long.MAX_VALUE : Long.parseLong(size));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Flow visit(TableSource step) {
    StreamSource rows = new StreamSource(step.name(), step.sourceName(), step.topic(), step.formats(),
        step.sourceSchema(), step.schema(), step.timestamp());
    KStream<Object[], Object[]> stream = sourceRows(rows);
    List<Column> keyColumns = step.schema().keyColumns();
    List<Column> rowColumns = step.schema().columns().stream()
        .map(c -> new Column(c.name(), c.type(), Column.Namespace.VALUE)).toList();
    KTable<Object[], Object[]> table;
    boolean windowed = WindowedKeys.windowed(step.formats());
    if (windowed) {
      // A table deletes on a null value: undo the marking the rows of a windowed key need (see sourceRows).
      int width = step.schema().columns().size();
      stream = stream.mapValues(row -> Tombstones.isTombstone(row, width) ? null : row,
          Named.as(step.name() + ".Tombstones"));
    }
    if (step.materialized()) {
      Serde<Object[]> keySerde = internal.key(keyColumns);
      table = stream.toTable(Named.as(step.name() + ".ToTable"),
          Materialized.<Object[], Object[], KeyValueStore<Bytes, byte[]>>as(step.name() + "-Reduce")
              .withKeySerde(windowed ? (Serde) WindowedKeys.serde(keySerde, step.formats()) : keySerde)
              .withValueSerde(internal.value(rowColumns)));
    } else {
      table = stream.toTable(Named.as(step.name() + ".ToTable"));
    }
    return new Flow(null, (KTable) table, windowed, WindowedKeys.session(step.formats()));
  }

  @Override
  public Flow visit(TableCalc step) {
    Flow input = step.input().accept(this);
    if (input.table() == null) {
      throw new IllegalStateException(step.name() + " reads a table, but its input is a stream");
    }
    CalcCompiler.Compiled compiled = compiler.compile(step.asStreamCalc());
    int width = step.schema().columns().size();
    int[] decimalColumns = decimalColumns(step.schema());
    int[] decimalScales = decimalColumns.length == 0 ? new int[0] : scales(step.schema(), decimalColumns);
    KTable<Object, Object[]> out = input.table().transformValues(() -> new ValueTransformerWithKey<Object, Object[],
        Object[]>() {
      private final RowFunction function = compiled.newInstance();
      private final DataContext root = new StreamDataContext();
      private ProcessorContext context;

      @Override
      public void init(ProcessorContext context) {
        this.context = context;
      }

      @Override
      public Object[] transform(Object key, Object[] row) {
        if (row == null) {
          return null;
        }
        Object[] result = new Object[width];
        try {
          if (!function.apply(root, row, result)) {
            return null;
          }
        } catch (RuntimeException e) {
          logError("Error evaluating the filter of " + step.name() + ": " + e, e);
          return null;
        }
        RuntimeException failed = function.takeError();
        if (failed != null) {
          logError("Error computing " + step.schema().columns().get(function.errorColumn()).name() + " in "
              + step.name() + ", set to null: " + failed, failed);
        }
        // A value with more fraction digits than its column is rounded to it; a shorter one stays as computed,
        // as ksqlDB passes it on (JSON writes it so; the other formats pad it to the column's scale).
        for (int i = 0; i < decimalColumns.length; i++) {
          Object v = result[decimalColumns[i]];
          if (v != null && ((BigDecimal) v).scale() > decimalScales[i]) {
            result[decimalColumns[i]] = ((BigDecimal) v).setScale(decimalScales[i], RoundingMode.HALF_UP);
          }
        }
        return result;
      }

      private void logError(String message, RuntimeException e) {
        ProcessingLogEntry entry = ProcessingLogEntry.error(ProcessingLogEntry.Type.RECORD_PROCESSING_ERROR,
            "processing." + queryId + "." + step.name(), queryId, null, message, ProcessingLogEntry.causes(e),
            context == null ? null : context.topic(), null);
        processingLog.error(entry);
      }

      @Override
      public void close() {}
    }, Named.as(step.name()));
    if (step.filter().isPresent()) {
      out = out.filter((k, v) -> v != null, Named.as(step.name() + ".Filter"));
    }
    return new Flow(null, out, input.windowed(), input.session());
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Flow visit(Aggregate step) {
    Flow input = step.input().accept(this);
    Aggregation aggregation = new Aggregation(step, compiler.functions(), (message, e) ->
        processingLog.error(ProcessingLogEntry.error(ProcessingLogEntry.Type.RECORD_PROCESSING_ERROR,
            "processing." + queryId + "." + step.name(), queryId, null, message, ProcessingLogEntry.causes(e),
            null, null)));
    int keys = step.keyCount();
    List<Column> inputColumns = step.input().schema().columns();
    List<Column> keyColumns = inputColumns.subList(0, keys).stream()
        .map(c -> new Column(c.name(), c.type(), Column.Namespace.KEY)).toList();
    List<Column> rowColumns = inputColumns.stream()
        .map(c -> new Column(c.name(), c.type(), Column.Namespace.VALUE)).toList();
    Serde<Object[]> keySerde = internal.key(keyColumns);
    Serde<Object[]> rowSerde = internal.value(rowColumns);
    Serde<Object[]> stateSerde = internal.value(aggregation.stateColumns());
    String store = step.name() + "-Aggregate-Materialize";
    int width = inputColumns.size();
    java.util.function.Predicate<Object[]> keyed = row -> {
      for (int i = 0; i < keys; i++) {
        if (row[i] == null) {
          return false;
        }
      }
      return true;
    };

    if (input.table() != null) {
      KGroupedTable<Object[], Object[]> grouped = ((KTable<Object[], Object[]>) (KTable) input.table())
          .filter((k, row) -> row != null && keyed.test(row), Named.as(step.name() + "-Keyed"))
          .groupBy((k, row) -> KeyValue.pair(aggregation.tableGroupKey(row), row),
              Grouped.with(step.name() + "-GroupBy", keySerde, rowSerde));
      KTable<Object[], Object[]> states = grouped.aggregate(aggregation::init,
          (k, row, state) -> aggregation.add(row, state), (k, row, state) -> aggregation.undo(row, state),
          Named.as(step.name() + "-Aggregate"),
          Materialized.<Object[], Object[], KeyValueStore<Bytes, byte[]>>as(store)
              .withKeySerde(keySerde).withValueSerde(stateSerde));
      return Flow.of((KTable) states.mapValues((k, state) -> aggregation.result(k, state, false, 0, 0),
          Named.as(step.name() + "-Result")));
    }

    KStream<Object[], Object[]> rows = input.stream()
        .filter((k, row) -> !Tombstones.isTombstone(row, width) && keyed.test(row), Named.as(step.name() + "-Keyed"));
    KGroupedStream<Object[], Object[]> grouped = step.repartition()
        ? rows.groupBy((k, row) -> java.util.Arrays.copyOf(row, keys),
            Grouped.with(step.name() + "-GroupBy", keySerde, rowSerde))
        : rows.groupByKey(Grouped.with(step.name() + "-GroupBy", keySerde, rowSerde));
    if (step.window().isEmpty()) {
      KTable<Object[], Object[]> states = grouped.aggregate(aggregation::init,
          (k, row, state) -> aggregation.add(row, state), Named.as(step.name() + "-Aggregate"),
          Materialized.<Object[], Object[], KeyValueStore<Bytes, byte[]>>as(store)
              .withKeySerde(keySerde).withValueSerde(stateSerde));
      return Flow.of((KTable) states.mapValues((k, state) -> aggregation.result(k, state, false, 0, 0),
          Named.as(step.name() + "-Result")));
    }
    Aggregate.Window w = step.window().get();
    // EMIT FINAL without a GRACE PERIOD closes a time window at its end, as in ksqlDB.
    Duration grace = Duration.ofMillis(w.graceMs().orElse(step.emitFinal() && !w.session() ? 0 : DEFAULT_GRACE_MS));
    KTable<Windowed<Object[]>, Object[]> states;
    if (w.session()) {
      SessionWindows windows = SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(w.sizeMs()), grace);
      Materialized<Object[], Object[], SessionStore<Bytes, byte[]>> m =
          Materialized.<Object[], Object[], SessionStore<Bytes, byte[]>>as(store)
              .withKeySerde(keySerde).withValueSerde(stateSerde);
      if (w.retentionMs().isPresent()) {
        m = m.withRetention(Duration.ofMillis(w.retentionMs().get()));
      }
      states = grouped.windowedBy(windows).aggregate(aggregation::init,
          (k, row, state) -> aggregation.add(row, state), (k, a, b) -> aggregation.merge(a, b),
          Named.as(step.name() + "-Aggregate"), m);
    } else {
      TimeWindows windows = TimeWindows.ofSizeAndGrace(Duration.ofMillis(w.sizeMs()), grace)
          .advanceBy(Duration.ofMillis(w.advanceMs()));
      Materialized<Object[], Object[], WindowStore<Bytes, byte[]>> m =
          Materialized.<Object[], Object[], WindowStore<Bytes, byte[]>>as(store)
              .withKeySerde(keySerde).withValueSerde(stateSerde);
      if (w.retentionMs().isPresent()) {
        m = m.withRetention(Duration.ofMillis(w.retentionMs().get()));
      }
      org.apache.kafka.streams.kstream.TimeWindowedKStream<Object[], Object[]> windowed = grouped.windowedBy(windows);
      if (step.emitFinal()) {
        // Kafka Streams' emit-on-window-close, as ksqlDB: a closed window is emitted once, read from the store,
        // so a window that has left the store's retention (size + grace unless RETENTION says otherwise) is
        // never emitted.
        windowed = windowed.emitStrategy(org.apache.kafka.streams.kstream.EmitStrategy.onWindowClose());
      }
      states = windowed.aggregate(aggregation::init,
          (k, row, state) -> aggregation.add(row, state), Named.as(step.name() + "-Aggregate"), m);
    }
    if (step.emitFinal() && w.session()) {
      states = states.suppress(Suppressed.<Windowed<Object[]>>untilWindowCloses(Suppressed.BufferConfig.unbounded())
          .withName(step.name() + "-Suppress"));
    }
    KTable<Windowed<Object[]>, Object[]> result = states.mapValues((k, state) -> aggregation.result(k.key(), state,
        true, k.window().start(), k.window().end()), Named.as(step.name() + "-Result"));
    return new Flow(null, (KTable) result, true, w.session());
  }

  @Override
  public Flow visit(StreamStreamJoin step) {
    Flow left = step.left().accept(this);
    Formats windowKeys = left.windowed() ? windowedSourceFormats(step.left()) : null;
    KStream<Object[], Object[]> joined = joins.streamStream(step, stream(left, step.name() + "-left"),
        stream(step.right().accept(this), step.name() + "-right"), windowKeys);
    return new Flow(joined, null, left.windowed(), left.session());
  }

  /** The formats of the windowed source whose keys a windowed flow carries. */
  private static Formats windowedSourceFormats(ExecStep step) {
    if (step instanceof StreamSource s && WindowedKeys.windowed(s.formats())) {
      return s.formats();
    }
    for (ExecStep input : step.inputs()) {
      Formats f = windowedSourceFormats(input);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  @Override
  public Flow visit(StreamTableJoin step) {
    return Flow.of(joins.streamTable(step, stream(step.left().accept(this), step.name() + "-left"),
        table(step.right().accept(this), step)));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Flow visit(TableTableJoin step) {
    return Flow.of((KTable) joins.tableTable(step, table(step.left().accept(this), step),
        table(step.right().accept(this), step)));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Flow visit(ForeignKeyTableJoin step) {
    return Flow.of((KTable) joins.foreignKey(step, table(step.left().accept(this), step),
        table(step.right().accept(this), step)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static KTable<Object[], Object[]> table(Flow flow, ExecStep join) {
    if (flow.table() == null || flow.windowed()) {
      throw new IllegalStateException(join.name() + " joins a table, but its input is not a table of rows");
    }
    return (KTable) flow.table();
  }

  /** ksqlDB's grace period when a window names none: 24 hours. */
  private static final long DEFAULT_GRACE_MS = 24L * 60 * 60 * 1000;

  @Override
  public Flow visit(StreamSelectKey step) {
    KStream<Object[], Object[]> input = stream(step.input().accept(this), step.name());
    int keys = step.keyCount();
    List<Column> keyColumns = step.schema().columns().subList(0, keys);
    List<Column> rowColumns = step.schema().columns().stream()
        .map(c -> new Column(c.name(), c.type(), Column.Namespace.VALUE)).toList();
    // A side re-keyed to join a table is partitioned as the table's topic is: by its key in the table's format.
    // (A key without columns, PARTITION BY null, is a Kafka null in every format.)
    Serde<Object[]> keySerde = step.keyFormats() != null ? serdes.key(keyColumns,
        new Formats(step.keyFormats().keyFormat(), "JSON", step.keyFormats().properties()), queryId)
        : internal.key(keyColumns);
    int width = step.schema().columns().size();
    // A null row (a record without key or value) has nothing to compute a key from: its key is null, which
    // the repartition drops, unless the new key has no columns (PARTITION BY null), which every record has.
    Object[] noKey = keys == 0 ? new Object[0] : null;
    return Flow.of(input.selectKey((key, row) -> row == null ? noKey : java.util.Arrays.copyOf(row, keys),
            Named.as(step.name() + ".SelectKey"))
        .mapValues(row -> Tombstones.isTombstone(row, width) ? null : row, Named.as(step.name() + ".Tombstones"))
        .repartition(Repartitioned.<Object[], Object[]>as(step.name())
            .withKeySerde(keySerde)
            .withValueSerde(internal.value(rowColumns))));
  }

  @Override
  public Flow visit(StreamFlatMap step) {
    Flow input = step.input().accept(this);
    KStream<Object[], Object[]> rows = stream(input, step.name()).processValues(() -> new FlatMapRows(step),
        Named.as(step.name()));
    return new Flow(rows, null, input.windowed(), input.session());
  }

  private static Object[] pick(Object[] row, int[] indexes) {
    Object[] out = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = row[indexes[i]];
    }
    return out;
  }

  private static boolean allNull(Object[] values) {
    for (Object v : values) {
      if (v != null) {
        return false;
      }
    }
    return true;
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
