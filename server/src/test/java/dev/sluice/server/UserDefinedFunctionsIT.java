package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.planner.function.Udf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample UDF project (examples/udf-sample), built into a jar and dropped into the server's extension
 * directory as a user would: its functions are listed and described, run in a persistent aggregation, and
 * the UDAFs' aggregates come back from their changelog topic after a restart whose local state was deleted.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class UserDefinedFunctionsIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dataDir;

  @Test
  void sampleJarFunctionsRunInAPersistentQueryAndTheirStateSurvivesARestart() throws Exception {
    buildSampleJar(dataDir.resolve("ext").resolve("udf-sample-1.0.0.jar"));
    ServerConfig config = LocalServers.localMode(dataDir);
    long t = System.currentTimeMillis();

    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      String kafka = server.bootstrapServers();
      JsonNode functions = StatefulQueriesIT.ksql(url, "SHOW FUNCTIONS;").get(0).get("functions");
      List<String> listed = new ArrayList<>();
      functions.forEach(f -> listed.add(f.get("name").asText() + " " + f.get("type").asText() + " "
          + f.get("category").asText()));
      assertThat(listed).contains("GEOMETRIC_MEAN AGGREGATE EXAMPLE", "LONGEST AGGREGATE EXAMPLE",
          "REVERSE SCALAR EXAMPLE", "WORDS TABLE EXAMPLE");
      JsonNode describe = StatefulQueriesIT.ksql(url, "DESCRIBE FUNCTION geometric_mean;").get(0);
      assertThat(describe.get("type").asText()).isEqualTo("AGGREGATE");
      assertThat(describe.get("author").asText()).isEqualTo("Example Corp");
      assertThat(describe.get("path").asText()).endsWith("udf-sample-1.0.0.jar");
      assertThat(describe.at("/functions/0/argumentTypes/0").asText()).isEqualTo("DOUBLE");
      assertThat(describe.at("/functions/0/returnType").asText()).isEqualTo("DOUBLE");

      StatefulQueriesIT.ksql(url, "CREATE STREAM returns (fund STRING KEY, ratio DOUBLE, name STRING)"
          + " WITH (KAFKA_TOPIC='returns', VALUE_FORMAT='JSON', PARTITIONS=1);");
      StatefulQueriesIT.ksql(url, "CREATE TABLE fund_stats AS SELECT fund, GEOMETRIC_MEAN(ratio) AS gmean,"
          + " LONGEST(REVERSE(name)) AS longest FROM returns GROUP BY fund;");
      StatefulQueriesIT.produce(kafka, "returns", "f1", "{\"RATIO\":2.0,\"NAME\":\"ab\"}", t);
      StatefulQueriesIT.produce(kafka, "returns", "f1", "{\"RATIO\":8.0,\"NAME\":\"xyz\"}", t + 1);
      JsonNode latest = latest(kafka, 4.0);
      assertThat(latest.get("GMEAN").asDouble()).isCloseTo(4.0, within(1e-9));
      assertThat(latest.get("LONGEST").asText()).isEqualTo("zyx");
    }

    try (Stream<Path> files = Files.walk(dataDir.resolve("streams"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    try (SluiceServer server = SluiceServer.start(config)) {
      String kafka = server.bootstrapServers();
      StatefulQueriesIT.produce(kafka, "returns", "f1", "{\"RATIO\":32.0,\"NAME\":\"cd\"}", t + 2);
      JsonNode latest = latest(kafka, 8.0);
      // Restored from the changelog: (2 * 8 * 32)^(1/3) = 8, and "xyz" is still the longest name.
      assertThat(latest.get("GMEAN").asDouble()).as("the aggregate continues from the restored state")
          .isCloseTo(8.0, within(1e-9));
      assertThat(latest.get("LONGEST").asText()).isEqualTo("zyx");
    }
  }

  /**
   * The value of the last row of FUND_STATS once its GMEAN is {@code gmean} (or a minute has passed): the
   * record cache may fold several updates into one row.
   */
  private static JsonNode latest(String kafka, double gmean) throws Exception {
    List<String> rows = StatefulQueriesIT.await(kafka, "FUND_STATS",
        r -> !r.isEmpty() && Math.abs(value(r.get(r.size() - 1)).get("GMEAN").asDouble() - gmean) < 1e-9);
    assertThat(rows).isNotEmpty();
    return value(rows.get(rows.size() - 1));
  }

  private static JsonNode value(String row) {
    try {
      return MAPPER.readTree(row.substring(row.indexOf('=') + 1));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles examples/udf-sample against the planner's classes into {@code jar}. */
  private static void buildSampleJar(Path jar) throws IOException {
    Path sources = Path.of("..", "examples", "udf-sample", "src", "main", "java");
    Path classes = Files.createTempDirectory("udf-sample-classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        Path.of(Udf.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0])))
        .as("javac").isZero();
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
  }
}
