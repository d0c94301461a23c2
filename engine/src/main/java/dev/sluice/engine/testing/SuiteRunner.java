package dev.sluice.engine.testing;

import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the cases of many files on a small fixed pool of threads (cases share nothing but the compiled-code
 * cache) and returns the results in file and case order, whatever order they finished in. A case that runs
 * longer than the timeout fails with that reason.
 */
public final class SuiteRunner {
  private final int threads;
  private final Duration timeout;
  private final SchemaRegistryClient registry;

  /** Without a Schema Registry: the cases that need one are skipped. */
  public SuiteRunner(int threads, Duration timeout) {
    this(threads, timeout, null);
  }

  /**
   * @param registry the Schema Registry of the AVRO, PROTOBUF and JSON_SR cases, or null to skip them
   */
  public SuiteRunner(int threads, Duration timeout, SchemaRegistryClient registry) {
    this.threads = Math.max(1, threads);
    this.timeout = timeout;
    this.registry = registry;
  }

  /**
   * A pool as large as the machine allows, at most 4 threads, with the JVM's local Schema Registry when the
   * build provides its runner ({@link LocalSchemaRegistry#shared()}).
   */
  public static SuiteRunner withDefaults() {
    return new SuiteRunner(Math.min(4, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(60),
        LocalSchemaRegistry.shared().map(r -> new SchemaRegistryClient(r.config())).orElse(null));
  }

  public List<CaseResult> run(List<Path> files) {
    List<TestCase> cases = new ArrayList<>();
    for (Path f : TestFiles.find(files)) {
      cases.addAll(TestFiles.read(f));
    }
    return runCases(cases);
  }

  public List<CaseResult> runCases(List<TestCase> cases) {
    CaseRunner runner = new CaseRunner(registry);
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sluice-test-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<CaseResult>> futures = new ArrayList<>();
      for (TestCase tc : cases) {
        futures.add(pool.submit(() -> runner.run(tc)));
      }
      List<CaseResult> results = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        results.add(await(cases.get(i), futures.get(i)));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private CaseResult await(TestCase tc, Future<CaseResult> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed(tc, "timed out after " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      return failed(tc, "test runner error: " + TestFiles.oneLine(String.valueOf(e.getCause())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(tc, "interrupted");
    }
  }

  private static CaseResult failed(TestCase tc, String reason) {
    return new CaseResult(tc.file(), tc.name(), tc.kind(), CaseResult.Status.FAILED, CaseResult.Stage.EXECUTE,
        reason, Map.of(), false, "", null);
  }
}
