package dev.sluice.server.rest;

import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.api.RowInserter;
import dev.sluice.engine.api.RowListener;
import dev.sluice.engine.api.TransientQuery;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/** An engine without Kafka for the REST tests: each test says what execute and query do. */
final class FakeEngine implements EngineFacade {

  volatile Function<String, List<KsqlEntity>> onExecute = sql -> List.of();
  volatile BiFunction<String, RowListener, TransientQuery> onQuery = (sql, listener) -> new FakeQuery("q1", false);
  volatile Function<String, RowInserter> onInserter = target -> {
    throw new SluiceException(ErrorCode.BAD_REQUEST, "Cannot insert values into an unknown stream: " + target);
  };
  volatile boolean healthy = true;
  final AtomicReference<Map<String, Object>> lastProperties = new AtomicReference<>();
  final AtomicReference<Map<String, String>> lastVariables = new AtomicReference<>();
  final Map<String, FakeQuery> queries = new ConcurrentHashMap<>();

  @Override
  public List<KsqlEntity> execute(String sql, Map<String, Object> properties, Map<String, String> variables) {
    lastProperties.set(properties);
    lastVariables.set(variables);
    return onExecute.apply(sql);
  }

  @Override
  public TransientQuery query(String sql, Map<String, Object> properties, Map<String, String> variables,
      RowListener listener) {
    TransientQuery query = onQuery.apply(sql, listener);
    if (query instanceof FakeQuery) {
      queries.put(query.id(), (FakeQuery) query);
    }
    return query;
  }

  @Override
  public boolean closeQuery(String queryId) {
    FakeQuery query = queries.get(queryId);
    if (query == null) {
      return false;
    }
    query.close();
    return true;
  }

  @Override
  public RowInserter inserter(String target) {
    return onInserter.apply(target);
  }

  @Override
  public String kafkaClusterId() {
    return "cluster-1";
  }

  @Override
  public String serviceId() {
    return "default_";
  }

  @Override
  public boolean isHealthy() {
    return healthy;
  }

  /** A query with two columns; {@link #closed} counts down when the server closes it. */
  static final class FakeQuery implements TransientQuery {
    final String id;
    final boolean pull;
    final CountDownLatch closed = new CountDownLatch(1);

    FakeQuery(String id, boolean pull) {
      this.id = id;
      this.pull = pull;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<String> columnNames() {
      return List.of("USER_ID", "SECS");
    }

    @Override
    public List<String> columnTypes() {
      return List.of("STRING", "DECIMAL(10, 2)");
    }

    @Override
    public String schema() {
      return "`USER_ID` STRING KEY, `SECS` DECIMAL(10, 2)";
    }

    @Override
    public boolean isPull() {
      return pull;
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
