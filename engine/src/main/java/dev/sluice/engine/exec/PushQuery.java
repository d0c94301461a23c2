package dev.sluice.engine.exec;

import dev.sluice.engine.api.RowListener;
import dev.sluice.engine.api.TransientQuery;
import dev.sluice.engine.runtime.ResultValues;
import dev.sluice.engine.runtime.StreamsApp;
import dev.sluice.engine.runtime.TopologyBuilder;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.schema.Column;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A push query ({@code EMIT CHANGES}): its own Kafka Streams application that starts at the latest offsets
 * (unless {@code auto.offset.reset} says otherwise, as in ksqlDB) and hands every result row to the
 * listener until it is closed or its LIMIT is reached. Closing deletes its consumer group state locally.
 */
final class PushQuery implements TransientQuery {
  private final String id;
  private final PhysicalPlanner.PlannedQuery planned;
  private final StreamsApp app;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Runnable onClose;
  private final ExecutorService closer;

  PushQuery(String id, PhysicalPlanner.PlannedQuery planned, EngineContext ctx, Map<String, Object> properties,
      RowListener listener, Long limit, ExecutorService closer, Runnable onClose) {
    this.id = id;
    this.planned = planned;
    this.onClose = onClose;
    this.closer = closer;
    ResultValues values = new ResultValues(planned.schema());
    AtomicLong emitted = new AtomicLong();
    Consumer<Object[]> rows = row -> {
      if (closed.get()) {
        return;
      }
      long n = emitted.incrementAndGet();
      if (limit == null || n <= limit) {
        listener.onRow(values.row(row));
      }
      if (limit != null && n == limit) {
        listener.onComplete();
        closer.execute(this::close);
      }
    };
    String offsetReset = String.valueOf(properties.getOrDefault("auto.offset.reset",
        properties.getOrDefault("ksql.streams.auto.offset.reset", "latest")));
    this.app = new StreamsApp(id, "_confluent-ksql-" + ctx.config.serviceId() + "transient_" + id,
        new TopologyBuilder(id, ctx.serdes, ctx.compiler, ctx.processingLog).build(planned.root(), rows),
        ctx.config.bootstrapServers(), ctx.config.stateDir(), ctx.config.streamsProperties(), offsetReset);
  }

  void start() {
    app.start();
    if (!app.awaitRunning(EngineContext.startTimeout()) && !closed.get()) {
      close();
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Push query " + id + " did not start"
          + (app.lastError() == null ? "" : ": " + app.lastError()));
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> columnNames() {
    return planned.schema().columns().stream().map(Column::name).toList();
  }

  @Override
  public List<String> columnTypes() {
    return planned.schema().columns().stream().map(c -> c.type().sql()).toList();
  }

  @Override
  public String schema() {
    return planned.schema().toSql();
  }

  @Override
  public boolean isPull() {
    return false;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      app.stop(true);
      onClose.run();
    }
  }
}
