package dev.sluice.engine.testing;

import dev.sluice.engine.command.Command;
import dev.sluice.engine.env.CommandStore;
import dev.sluice.engine.env.QueryLauncher;
import dev.sluice.engine.runtime.QueryState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.Topology;

/**
 * The launcher and command store of a test case: persistent queries are recorded in start order instead of
 * being started (the runner drives each one on a {@code TopologyTestDriver} after the statements), and
 * commands are kept in a list.
 */
final class CapturedQueries implements QueryLauncher, CommandStore {

  /** A persistent query the statements started. */
  static final class Captured implements Running {
    final String queryId;
    final String applicationId;
    final Topology topology;
    private volatile QueryState state = QueryState.RUNNING;
    private volatile boolean paused;

    Captured(String queryId, String applicationId, Topology topology, boolean paused) {
      this.queryId = queryId;
      this.applicationId = applicationId;
      this.topology = topology;
      this.paused = paused;
    }

    @Override
    public QueryState state() {
      return paused && state == QueryState.RUNNING ? QueryState.PAUSED : state;
    }

    @Override
    public void pause() {
      paused = true;
    }

    @Override
    public void resume() {
      paused = false;
    }

    @Override
    public void stop(boolean cleanUp) {
      state = QueryState.TERMINATED;
    }
  }

  private final List<Captured> queries = new ArrayList<>();
  private final List<Command> commands = new ArrayList<>();

  @Override
  public Running launch(String queryId, String applicationId, Topology topology, boolean paused) {
    Captured q = new Captured(queryId, applicationId, topology, paused);
    queries.add(q);
    return q;
  }

  /** The queries still running (not terminated), in the order they were started. */
  List<Captured> running() {
    return queries.stream().filter(q -> q.state() != QueryState.TERMINATED).toList();
  }

  /** Every query started, terminated or not. */
  List<Captured> all() {
    return List.copyOf(queries);
  }

  @Override
  public void append(String id, Command command) {
    commands.add(command);
  }

  @Override
  public List<Command> readAll() {
    return List.copyOf(commands);
  }
}
