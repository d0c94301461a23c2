package dev.sluice.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.command.Command;
import dev.sluice.engine.command.PlanJson;
import dev.sluice.engine.env.QueryLauncher;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.runtime.QueryState;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.function.FunctionRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAUSE and RESUME on the engine without a broker: what they answer, which commands they log, how the
 * queries' states read back, and that a replay of the log starts a paused query paused. The launcher here
 * only records what the engine asks of it; the Kafka Streams side is covered by the server's PauseResumeIT.
 */
class PauseResumeTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIn();

  @TempDir
  Path stateDir;
  private final InMemoryEnv.Topics topics = new InMemoryEnv.Topics();
  private final InMemoryEnv.Log log = new InMemoryEnv.Log();
  private final Launcher launcher = new Launcher();
  private EngineContext ctx;
  private StatementExecutor executor;

  @BeforeEach
  void start() {
    ctx = context(launcher);
    executor = new StatementExecutor(ctx);
  }

  @AfterEach
  void stop() {
    executor.close();
    ctx.close();
  }

  private EngineContext context(Launcher queries) {
    InMemoryProcessingLogger processingLog = new InMemoryProcessingLogger();
    return new EngineContext(new EngineConfig("unused:9092", "test_", stateDir, Map.of()), topics, log, queries,
        (topic, key, value, timestamp) -> { }, new FormatSerdes(processingLog),
        new CalcCompiler(FUNCTIONS, PauseResumeTest.class.getClassLoader()), processingLog, FUNCTIONS);
  }

  private List<KsqlEntity> run(String sql) {
    return executor.execute(sql, Map.of(), Map.of());
  }

  private Entities.CommandStatusEntity status(String sql) {
    List<KsqlEntity> entities = run(sql);
    assertThat(entities).hasSize(1);
    return (Entities.CommandStatusEntity) entities.get(0);
  }

  private Map<String, String> shownStates() {
    Map<String, String> states = new TreeMap<>();
    Entities.QueriesList list = (Entities.QueriesList) run("SHOW QUERIES;").get(0);
    for (Entities.RunningQuery q : list.queries()) {
      states.put(q.id(), q.state());
      assertThat(q.statusCount()).isEqualTo(Map.of(q.state(), 1));
    }
    return states;
  }

  private void createTwoQueries() {
    topics.ensure("input", 1, (short) 1, Map.of());
    run("CREATE STREAM input (id STRING KEY, v INT) WITH (KAFKA_TOPIC='input', VALUE_FORMAT='JSON');"
        + "CREATE STREAM big AS SELECT id, v FROM input WHERE v > 10;"
        + "CREATE STREAM doubled AS SELECT id, v * 2 AS v2 FROM input;");
  }

  @Test
  void pauseHoldsOneQueryAndResumeReleasesIt() {
    createTwoQueries();
    assertThat(shownStates()).isEqualTo(Map.of("CSAS_BIG_1", "RUNNING", "CSAS_DOUBLED_2", "RUNNING"));

    Entities.CommandStatusEntity paused = status("PAUSE csas_big_1;"); // ids are case-insensitive
    assertThat(paused.commandId()).isEqualTo("pause/CSAS_BIG_1/execute");
    assertThat(paused.commandStatus()).isEqualTo(Entities.CommandStatus.success("Query paused.", null));
    assertThat(launcher.byId("CSAS_BIG_1").paused).isTrue();
    assertThat(launcher.byId("CSAS_DOUBLED_2").paused).isFalse();
    assertThat(shownStates()).isEqualTo(Map.of("CSAS_BIG_1", "PAUSED", "CSAS_DOUBLED_2", "RUNNING"));
    assertThat(log.commands).last().isEqualTo(new Command.PauseQuery("PAUSE csas_big_1;", "CSAS_BIG_1"));

    Entities.QueryDescription explained = ((Entities.QueryDescriptionEntity) run("EXPLAIN CSAS_BIG_1;").get(0))
        .queryDescription();
    assertThat(explained.state()).isEqualTo("PAUSED");
    Entities.SourceDescription described = ((Entities.SourceDescriptionEntity) run("DESCRIBE big EXTENDED;")
        .get(0)).sourceDescription();
    assertThat(described.writeQueries()).extracting(Entities.QueryRef::state).containsExactly("PAUSED");

    Entities.CommandStatusEntity resumed = status("RESUME CSAS_BIG_1;");
    assertThat(resumed.commandId()).isEqualTo("resume/CSAS_BIG_1/execute");
    assertThat(resumed.commandStatus().message()).isEqualTo("Query resumed.");
    assertThat(launcher.byId("CSAS_BIG_1").paused).isFalse();
    assertThat(shownStates()).isEqualTo(Map.of("CSAS_BIG_1", "RUNNING", "CSAS_DOUBLED_2", "RUNNING"));
    assertThat(((Entities.QueryDescriptionEntity) run("EXPLAIN CSAS_BIG_1;").get(0)).queryDescription().state())
        .isEqualTo("RUNNING");
  }

  @Test
  void pauseAllAndResumeAllActOnEveryQuery() {
    createTwoQueries();
    int before = log.commands.size();
    Entities.CommandStatusEntity paused = status("PAUSE ALL;");
    assertThat(paused.commandId()).isEqualTo("pause/ALL/execute");
    assertThat(paused.commandStatus().message()).isEqualTo("Query paused.");
    assertThat(log.commands.subList(before, log.commands.size())).containsExactly(
        new Command.PauseQuery("PAUSE ALL;", "CSAS_BIG_1"), new Command.PauseQuery("PAUSE ALL;", "CSAS_DOUBLED_2"));
    assertThat(shownStates()).isEqualTo(Map.of("CSAS_BIG_1", "PAUSED", "CSAS_DOUBLED_2", "PAUSED"));

    assertThat(status("RESUME ALL;").commandStatus().message()).isEqualTo("Query resumed.");
    assertThat(shownStates()).isEqualTo(Map.of("CSAS_BIG_1", "RUNNING", "CSAS_DOUBLED_2", "RUNNING"));
  }

  @Test
  void allWithoutQueriesSucceedsAndLogsNothing() {
    Entities.CommandStatusEntity paused = status("PAUSE ALL;");
    assertThat(paused.commandStatus()).isEqualTo(Entities.CommandStatus.success("Query paused.", null));
    assertThat(status("RESUME ALL;").commandStatus().message()).isEqualTo("Query resumed.");
    assertThat(log.commands).isEmpty();
  }

  @Test
  void unknownIdIsAStatementError() {
    createTwoQueries();
    int before = log.commands.size();
    assertThatThrownBy(() -> run("PAUSE csas_nope_9;"))
        .isInstanceOfSatisfying(SluiceException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_STATEMENT);
          assertThat(e.getMessage()).contains("Unknown queryId: CSAS_NOPE_9");
        });
    assertThatThrownBy(() -> run("RESUME CSAS_NOPE_9;")).hasMessageContaining("Unknown queryId: CSAS_NOPE_9");
    assertThat(log.commands).hasSize(before);
    assertThat(shownStates()).containsValues("RUNNING", "RUNNING");
  }

  @Test
  void transientQueriesCannotBePausedOrResumed() {
    assertThatThrownBy(() -> run("PAUSE transient_INPUT_123;")).hasMessageContaining(
        "Cannot pause query 'TRANSIENT_INPUT_123' because it is a transient query. Transient queries cannot be"
            + " paused or resumed.");
    assertThatThrownBy(() -> run("RESUME `transient_INPUT_123`;")).hasMessageContaining(
        "Cannot resume query 'transient_INPUT_123' because it is a transient query.");
  }

  @Test
  void replayStartsAPausedQueryPausedAndAResumedOneRunning() {
    createTwoQueries();
    run("PAUSE CSAS_BIG_1; PAUSE CSAS_DOUBLED_2; RESUME CSAS_DOUBLED_2;");

    Launcher restarted = new Launcher();
    try (EngineContext replayed = context(restarted)) {
      replayed.replay(log.readAll());
      assertThat(restarted.byId("CSAS_BIG_1").startedPaused).isTrue();
      assertThat(restarted.byId("CSAS_DOUBLED_2").startedPaused).isFalse();
      assertThat(replayed.reportedState("CSAS_BIG_1")).isEqualTo("PAUSED");
      assertThat(replayed.reportedState("CSAS_DOUBLED_2")).isEqualTo("RUNNING");
    }
  }

  @Test
  void aPausedQueryCanBeTerminatedButItsSinkNotDroppedBefore() {
    createTwoQueries();
    run("PAUSE CSAS_BIG_1;");
    assertThatThrownBy(() -> run("DROP STREAM big;")).hasMessageContaining("CSAS_BIG_1");

    assertThat(status("TERMINATE CSAS_BIG_1;").commandStatus().message()).isEqualTo("Query terminated.");
    assertThat(launcher.byId("CSAS_BIG_1").state).isEqualTo(QueryState.TERMINATED);
    assertThat(ctx.metaStore().isPaused("CSAS_BIG_1")).isFalse();
    assertThat(shownStates()).isEqualTo(Map.of("CSAS_DOUBLED_2", "RUNNING"));
    run("DROP STREAM big;");

    Launcher restarted = new Launcher();
    try (EngineContext replayed = context(restarted)) {
      replayed.replay(log.readAll());
      assertThat(restarted.launched).extracting(q -> q.id).containsExactly("CSAS_DOUBLED_2");
    }
  }

  @Test
  void commandsRoundTripThroughJson() throws Exception {
    Command pause = new Command.PauseQuery("PAUSE ALL;", "CSAS_BIG_1");
    Command resume = new Command.ResumeQuery("RESUME CSAS_BIG_1;", "CSAS_BIG_1");
    String json = PlanJson.MAPPER.writeValueAsString(pause);
    assertThat(json).contains("\"@type\":\"pauseQueryV1\"");
    assertThat(PlanJson.MAPPER.readValue(json, Command.class)).isEqualTo(pause);
    String resumed = PlanJson.MAPPER.writeValueAsString(resume);
    assertThat(resumed).contains("\"@type\":\"resumeQueryV1\"");
    assertThat(PlanJson.MAPPER.readValue(resumed, Command.class)).isEqualTo(resume);
  }

  /** Records the queries the engine starts and what it asks of them. */
  private static final class Launcher implements QueryLauncher {
    final List<Query> launched = new ArrayList<>();

    Query byId(String id) {
      return launched.stream().filter(q -> q.id.equals(id)).findFirst().orElseThrow();
    }

    @Override
    public Running launch(String queryId, String applicationId, Topology topology, boolean paused) {
      Query q = new Query(queryId, paused);
      launched.add(q);
      return q;
    }
  }

  private static final class Query implements QueryLauncher.Running {
    final String id;
    final boolean startedPaused;
    boolean paused;
    QueryState state = QueryState.RUNNING;

    Query(String id, boolean paused) {
      this.id = id;
      this.startedPaused = paused;
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
}
