package dev.sluice.server.rest;

import dev.sluice.engine.SluiceEngine;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.api.RowInserter;
import dev.sluice.engine.api.RowListener;
import dev.sluice.engine.api.TransientQuery;
import java.util.List;
import java.util.Map;

/**
 * What the REST layer needs from the engine, as an interface so that handler tests can use a small fake
 * instead of a real engine and broker. Every method may block (it can talk to Kafka); handlers call them off
 * the event loop.
 */
public interface EngineFacade {

  /** {@link SluiceEngine#execute}. */
  List<KsqlEntity> execute(String sql, Map<String, Object> properties, Map<String, String> variables);

  /** {@link SluiceEngine#query}: rows reach {@code listener} on another thread. */
  TransientQuery query(String sql, Map<String, Object> properties, Map<String, String> variables,
      RowListener listener);

  /** {@link SluiceEngine#closeQuery}. */
  boolean closeQuery(String queryId);

  /** {@link SluiceEngine#inserter}: checks the target stream now; its rows are inserted one at a time. */
  RowInserter inserter(String target);

  String kafkaClusterId();

  String serviceId();

  boolean isHealthy();

  /** The real engine; {@code clusterIdFallback} answers {@code /info} when the engine does not know the id. */
  static EngineFacade of(SluiceEngine engine, String clusterIdFallback) {
    return new EngineFacade() {
      @Override
      public List<KsqlEntity> execute(String sql, Map<String, Object> properties, Map<String, String> variables) {
        return engine.execute(sql, properties, variables);
      }

      @Override
      public TransientQuery query(String sql, Map<String, Object> properties, Map<String, String> variables,
          RowListener listener) {
        return engine.query(sql, properties, variables, listener);
      }

      @Override
      public boolean closeQuery(String queryId) {
        return engine.closeQuery(queryId);
      }

      @Override
      public RowInserter inserter(String target) {
        return engine.inserter(target);
      }

      @Override
      public String kafkaClusterId() {
        String id = engine.kafkaClusterId();
        return id == null || id.isEmpty() ? clusterIdFallback : id;
      }

      @Override
      public String serviceId() {
        return engine.serviceId();
      }

      @Override
      public boolean isHealthy() {
        return engine.isHealthy();
      }
    };
  }
}
