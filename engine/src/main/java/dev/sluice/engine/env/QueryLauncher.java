package dev.sluice.engine.env;

import dev.sluice.engine.runtime.QueryState;
import org.apache.kafka.streams.Topology;

/**
 * Runs the topology of a persistent query: as a Kafka Streams application on a server, or by handing it
 * to the test runner's {@code TopologyTestDriver}.
 */
public interface QueryLauncher {

  /** A running query, as SHOW QUERIES and TERMINATE see it. */
  interface Running {
    QueryState state();

    /**
     * Stops processing records (PAUSE): the query keeps its consumers, committed offsets and state, so a
     * {@link #resume} carries on with every record that arrived meanwhile.
     */
    void pause();

    void resume();

    /** Stops it; with {@code cleanUp}, also deletes its local state (the query is gone for good). */
    void stop(boolean cleanUp);
  }

  /** Starts the query; {@code paused} starts it held by PAUSE (a server restarted on a paused query). */
  Running launch(String queryId, String applicationId, Topology topology, boolean paused);
}
