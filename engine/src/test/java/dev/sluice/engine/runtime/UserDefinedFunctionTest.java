package dev.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.ExtensionLoader;
import dev.sluice.planner.function.Udf;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query calling functions from a jar in the extension directory, planned, compiled and run. */
class UserDefinedFunctionTest {
  private static final DataSource PAGEVIEWS = new DataSource("PAGEVIEWS", SourceKind.STREAM,
      LogicalSchema.builder().key("USER_ID", SqlType.STRING).value("PAGE", SqlType.STRING)
          .value("N", SqlType.INTEGER).build(),
      "pageviews", "KAFKA", "JSON", Map.of(), "CREATE STREAM ...", false);
  private static final Catalog CATALOG = n -> n.equals("PAGEVIEWS") ? Optional.of(PAGEVIEWS) : Optional.empty();

  @TempDir Path dir;

  @Test
  void queryCallsStaticAndInstanceFunctionsOfAnExtensionJar() throws Exception {
    jar(dir.resolve("acme.jar"), "acme.udf.Strings", """
        package acme.udf;
        import dev.sluice.planner.function.Udf;
        import dev.sluice.planner.function.UdfParam;
        public class Strings {
          @Udf(name = "REVERSE_IT", description = "Reverses a string.")
          public static String reverse(@UdfParam("s") String s) {
            return s == null ? null : new StringBuilder(s).reverse().toString();
          }
          @Udf(name = "KEEP_IF", description = "The value when the predicate holds, else NULL.")
          public static <T> T keepIf(@UdfParam("v") T v,
              @UdfParam("p") java.util.function.Function<T, Boolean> p) {
            return Boolean.TRUE.equals(p.apply(v)) ? v : null;
          }
          @Udf(name = "TIMES", description = "Multiplies.")
          public Integer times(@UdfParam("a") Integer a, @UdfParam("b") Integer b) {
            return a == null || b == null ? null : a * b;
          }
        }
        """);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      // The class is only in the jar: the engine's own class loader cannot see it.
      assertThat(classVisible(getClass().getClassLoader(), "acme.udf.Strings")).isFalse();
      var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE STREAM s AS SELECT user_id,"
          + " REVERSE_IT(page) AS r, TIMES(n, 3) AS t, REVERSE_IT('abc') AS c,"
          + " KEEP_IF(page, p => LEN(p) > n) AS k FROM pageviews"
          + " WHERE TIMES(n, 2) > 2 EMIT CHANGES;").get(0).statement();
      var planned = new PhysicalPlanner(CATALOG, ext.registry()).plan(stmt.query(), true);
      var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", Map.of()),
          planned.schema());
      var log = new InMemoryProcessingLogger();
      var topology = new TopologyBuilder("CSAS_TEST_1", new FormatSerdes(log),
          new CalcCompiler(ext.registry(), ext.classLoader()), log).build(sink);
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
      p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      try (TopologyTestDriver driver = new TopologyTestDriver(topology, p)) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"/home\",\"N\":2}");
        in.pipeInput("u2", "{\"PAGE\":\"/skip\",\"N\":1}");
        in.pipeInput("u3", "{\"PAGE\":null,\"N\":5}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "u1={\"R\":\"emoh/\",\"T\":6,\"C\":\"cba\",\"K\":\"/home\"}",
            "u3={\"R\":null,\"T\":15,\"C\":\"cba\",\"K\":null}");
      }
      assertThat(log.entries()).isEmpty();
    }
  }

  @Test
  void queryCallsATableFunctionOfAnExtensionJar() throws Exception {
    jar(dir.resolve("words.jar"), "acme.udtf.Words", """
        package acme.udtf;
        import dev.sluice.planner.function.Udf;
        import dev.sluice.planner.function.UdfParam;
        import java.util.List;
        public class Words {
          @Udf(name = "WORDS", table = true, description = "The words of a text, one row each.")
          public static List<String> words(@UdfParam("text") String text) {
            return text == null || text.isBlank() ? null : List.of(text.trim().split("\\s+"));
          }
        }
        """);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      assertThat(ext.registry().isTableFunction("WORDS")).isTrue();
      var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE STREAM s AS SELECT user_id, WORDS(page) AS w,"
          + " n FROM pageviews EMIT CHANGES;").get(0).statement();
      var planned = new PhysicalPlanner(CATALOG, ext.registry()).plan(stmt.query(), true);
      var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", Map.of()),
          planned.schema());
      var log = new InMemoryProcessingLogger();
      var topology = new TopologyBuilder("CSAS_TEST_2", new FormatSerdes(log),
          new CalcCompiler(ext.registry(), ext.classLoader()), log).build(sink);
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
      p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      try (TopologyTestDriver driver = new TopologyTestDriver(topology, p)) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"stream  table join\",\"N\":1}");
        in.pipeInput("u2", "{\"PAGE\":\" \",\"N\":2}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "u1={\"W\":\"stream\",\"N\":1}", "u1={\"W\":\"table\",\"N\":1}", "u1={\"W\":\"join\",\"N\":1}");
      }
      assertThat(log.entries()).isEmpty();
    }
  }

  private static boolean classVisible(ClassLoader loader, String name) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Compiles {@code className} from {@code source} against the planner's classes into {@code jar}. */
  static Path jar(Path jar, String className, String source) throws IOException {
    Path work = Files.createTempDirectory("udf-src");
    Path file = work.resolve("src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    String cp = Path.of(Udf.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp", cp,
        file.toString());
    assertThat(rc).as("javac").isZero();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }
}
