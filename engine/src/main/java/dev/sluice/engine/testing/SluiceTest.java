package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.parser.ParsedStatement;
import dev.sluice.parser.SqlParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of the test runner ({@code bin/sluice-test}).
 *
 * <pre>
 * sluice-test FILE_OR_DIR... [--report report.json] [--compatibility page.md] [--threads N] [--verbose]
 *     [--schema-registry URL|local]
 * sluice-test -s statements.sql -i input.json -o output.json
 * </pre>
 *
 * Prints one line per failing case, then per-file totals, then {@code N passed, N failed, N skipped} as the
 * last line; exits 0 when nothing failed, 1 when something did, 2 on bad usage.
 */
public final class SluiceTest {
  private static final int MAX_DIFFS = 20;

  private final PrintStream out;

  SluiceTest(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    int code;
    try {
      code = new SluiceTest(System.out).run(args);
    } catch (UsageException e) {
      System.err.println("sluice-test: " + e.getMessage());
      System.err.println(USAGE);
      code = 2;
    } catch (IOException e) {
      System.err.println("sluice-test: " + e.getMessage());
      code = 2;
    }
    System.out.flush();
    System.exit(code);
  }

  static final String USAGE = """
      Usage:
        sluice-test FILE_OR_DIR... [options]   run SQL test files (ksqlDB's QTT JSON format)
            --report FILE         write every case's result and actual records as JSON
            --compatibility FILE  write the compatibility page (docs/compatibility.md) for this run
            --threads N           cases run in parallel (default: up to 4)
            --schema-registry URL run the AVRO/PROTOBUF/JSON_SR cases against this Confluent-API registry
                                  (it is emptied between cases!); "local" starts the build's Apicurio
                                  runner (target/apicurio-registry). Without it those cases are skipped
            --verbose             show expected vs actual records of every failing case
        sluice-test -s statements.sql -i input.json -o output.json
                                  run statements on {"inputs": [...]}, compare with {"outputs": [...]}""";

  int run(String[] args) throws IOException {
    List<Path> paths = new ArrayList<>();
    Path report = null;
    Path page = null;
    Path statements = null;
    Path input = null;
    Path output = null;
    int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
    boolean verbose = false;
    String registryUrl = System.getenv("SLUICE_TEST_SCHEMA_REGISTRY");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--report" -> report = Path.of(value(args, ++i, a));
        case "--compatibility" -> page = Path.of(value(args, ++i, a));
        case "--threads" -> threads = threads(value(args, ++i, a));
        case "--verbose", "-v" -> verbose = true;
        case "--schema-registry" -> registryUrl = value(args, ++i, a);
        case "-s", "--sql-file" -> statements = Path.of(value(args, ++i, a));
        case "-i", "--input-file" -> input = Path.of(value(args, ++i, a));
        case "-o", "--output-file" -> output = Path.of(value(args, ++i, a));
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          if (a.startsWith("-")) {
            throw new UsageException("unknown option " + a);
          }
          paths.add(Path.of(a));
        }
      }
    }
    if (statements != null) {
      if (output == null || !paths.isEmpty()) {
        throw new UsageException("-s needs -o (and -i when there are inputs), and no test files");
      }
      return single(statements, input, output, report);
    }
    if (paths.isEmpty()) {
      throw new UsageException("no test file or directory given");
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UsageException("no such file or directory: " + p);
      }
    }
    long start = System.nanoTime();
    LocalSchemaRegistry local = null;
    dev.sluice.engine.serde.registry.SchemaRegistryClient registry = null;
    if (registryUrl != null && !registryUrl.isBlank()) {
      if (registryUrl.equals("local")) {
        String runner = System.getProperty(LocalSchemaRegistry.RUNNER_PROPERTY, "");
        if (runner.isBlank() || !Files.isRegularFile(Path.of(runner))) {
          throw new UsageException("--schema-registry local needs the Apicurio runner jar; build with 'mvn "
              + "test-compile' (it lands in target/apicurio-registry), or give the URL of a registry");
        }
        local = LocalSchemaRegistry.start(Path.of(runner));
        registryUrl = local.url();
      }
      try {
        registry = new dev.sluice.engine.serde.registry.SchemaRegistryClient(
            dev.sluice.engine.serde.registry.SchemaRegistryConfig.of(registryUrl));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    List<CaseResult> results;
    try {
      results = new SuiteRunner(threads, Duration.ofSeconds(60), registry).run(paths);
    } finally {
      if (local != null) {
        local.close();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Summary summary = new Summary(results);
    print(summary, verbose);
    if (report != null) {
      Reports.writeJson(results, report);
    }
    if (page != null) {
      CompatibilityPage.write(summary, paths.size() == 1 ? paths.get(0).toString() : paths.toString(),
          String.format("%.0f s with %d threads", took.toMillis() / 1000.0, threads), page);
    }
    return summary.failed() == 0 ? 0 : 1;
  }

  private void print(Summary summary, boolean verbose) {
    boolean diffs = verbose || summary.failed() <= MAX_DIFFS;
    for (CaseResult r : summary.results()) {
      if (r.failed()) {
        out.println("FAIL " + r.file() + ": " + r.name() + ": ["
            + (r.stage() == null ? "test" : r.stage().label()) + "] " + r.reason());
        if (diffs && !r.details().isEmpty()) {
          r.details().lines().forEach(l -> out.println("    " + l));
        }
      }
    }
    if (!diffs) {
      out.println("(expected vs actual records are shown for up to " + MAX_DIFFS + " failing cases; use --verbose)");
    }
    for (Map.Entry<String, List<CaseResult>> f : summary.byFile().entrySet()) {
      out.println(f.getKey() + ": " + new Summary(f.getValue()).line());
    }
    out.println("positive: " + summary.count(CaseResult.Status.PASSED, "positive") + " passed, "
        + summary.count(CaseResult.Status.FAILED, "positive") + " failed, "
        + summary.count(CaseResult.Status.SKIPPED, "positive") + " skipped");
    out.println("negative: " + summary.count(CaseResult.Status.PASSED, "negative") + " passed ("
        + summary.negativeWithKsqlText() + " with ksqlDB's message text), "
        + summary.count(CaseResult.Status.FAILED, "negative") + " failed, "
        + summary.count(CaseResult.Status.SKIPPED, "negative") + " skipped");
    if (summary.passedWithNote() > 0) {
      out.println("passed, but creating a topic ksqlDB's post.topics blacklist forbids (engine-specific): "
          + summary.passedWithNote());
    }
    if (summary.failed() > 0) {
      out.println("failed by stage: " + summary.failedByStage());
    }
    if (summary.skipped() > 0) {
      out.println("skipped by reason: " + summary.skippedByReason());
    }
    out.println(summary.line());
  }

  /** ksql-test-runner's mode: one statements file, one inputs file, one outputs file. */
  private int single(Path sqlFile, Path inputFile, Path outputFile, Path report) throws IOException {
    String sql = Files.readString(sqlFile, StandardCharsets.UTF_8);
    List<String> statements = new ArrayList<>();
    try {
      for (ParsedStatement p : SqlParser.parse(sql)) {
        statements.add(p.text() + ";");
      }
    } catch (RuntimeException e) {
      statements = List.of(sql); // fails in the runner, with its stage and position
    }
    JsonNode inputs = inputFile == null ? null : TestFiles.MAPPER.readTree(inputFile.toFile()).get("inputs");
    JsonNode outputs = TestFiles.MAPPER.readTree(outputFile.toFile()).get("outputs");
    if (outputs == null || !outputs.isArray()) {
      throw new UsageException(outputFile + " has no \"outputs\" array");
    }
    String file = sqlFile.getFileName().toString();
    TestCase tc;
    try {
      tc = new TestCase(file, TestFiles.baseName(file), statements, Map.of(), TestFiles.records(inputs),
          TestFiles.records(outputs), List.of(), Optional.empty(), null, true, null, null);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    CaseResult r = new CaseRunner().run(tc);
    if (report != null) {
      Reports.writeJson(List.of(r), report);
    }
    if (r.passed()) {
      out.println("Test passed!");
    } else {
      out.println("Test failed: [" + (r.stage() == null ? "test" : r.stage().label()) + "] " + r.reason());
      r.details().lines().forEach(l -> out.println("    " + l));
    }
    out.println(new Summary(List.of(r)).line());
    return r.passed() ? 0 : 1;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int threads(String v) {
    try {
      return Math.max(1, Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw new UsageException("--threads needs a number, got " + v);
    }
  }

  /** A bad command line. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
