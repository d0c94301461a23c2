package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.planner.calcite.SluiceTypeSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionLoaderTest {
  static final String SAMPLE = """
      package acme.udf;
      import dev.sluice.planner.function.Udf;
      import dev.sluice.planner.function.UdfParam;
      public class Sample {
        @Udf(name = "REVERSE_IT", description = "Reverses a string.", category = "ACME", author = "Acme",
            version = "1.2")
        public static String reverse(@UdfParam(value = "s", description = "the text") String s) {
          return s == null ? null : new StringBuilder(s).reverse().toString();
        }
        private final int factor = 1;
        @Udf(name = "times", description = "Multiplies.", author = "Acme")
        public Integer multiply(@UdfParam("a") Integer a, @UdfParam("b") Integer b) {
          return a == null || b == null ? null : a * b * factor;
        }
      }
      """;

  @TempDir Path dir;

  private final RelDataTypeFactory tf = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);

  /** Compiles {@code className} from {@code source} against the planner's classes into {@code jar}. */
  static Path jar(Path jar, String className, String source) throws IOException {
    Path work = Files.createTempDirectory("udf-src");
    Path file = work.resolve("src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String cp = Path.of(Udf.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, "-parameters", file.toString());
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

  @Test
  void loadsStaticAndInstanceFunctionsFromAJar() throws Exception {
    jar(dir.resolve("sample.jar"), "acme.udf.Sample", SAMPLE);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      FunctionRegistry registry = ext.registry();
      assertThat(ext.jars()).containsExactly(dir.resolve("sample.jar"));
      assertThat(registry.scalars()).containsKeys("REVERSE_IT", "TIMES", "UCASE");
      assertThat(registry.path("REVERSE_IT")).isEqualTo(dir.resolve("sample.jar").toString());
      assertThat(registry.path("UCASE")).isEqualTo("internal");
      assertThat(FunctionRegistry.builtIn().scalars()).doesNotContainKey("REVERSE_IT");

      var reverse = registry.overloads("REVERSE_IT").get(0);
      assertThat(reverse.paramNames()).containsExactly("s");
      assertThat(reverse.annotation().author()).isEqualTo("Acme");
      assertThat(reverse.method().invoke(null, "abc")).isEqualTo("cba");
      var doc = FunctionDocs.functions(registry).get("REVERSE_IT");
      assertThat(doc.category()).isEqualTo("ACME");
      assertThat(doc.version()).isEqualTo("1.2");

      var times = registry.resolve("TIMES", List.of(tf.createSqlType(SqlTypeName.INTEGER),
          tf.createSqlType(SqlTypeName.INTEGER)), tf);
      assertThat(Modifier.isStatic(times.overload().method().getModifiers())).isFalse();
      Object instance = UdfInstances.get(times.overload().method().getDeclaringClass());
      assertThat(times.overload().method().invoke(instance, 6, 7)).isEqualTo(42);
      assertThat(times.returnType().getSqlTypeName()).isEqualTo(SqlTypeName.INTEGER);

      // Generated code finds the class by name through the extension class loader.
      assertThat(ext.classLoader().loadClass("acme.udf.Sample")).isSameAs(reverse.method().getDeclaringClass());
      assertThat(ext.classLoader().loadClass(FunctionRegistry.class.getName())).isSameAs(FunctionRegistry.class);
    }
  }

  @Test
  void aFunctionNamedLikeABuiltInStopsStartUp() throws Exception {
    jar(dir.resolve("clash.jar"), "acme.Clash", """
        package acme;
        public class Clash {
          @dev.sluice.planner.function.Udf(name = "UCASE", description = "mine")
          public static String up(String s) { return s; }
        }
        """);
    assertThatThrownBy(() -> ExtensionLoader.load(dir, getClass().getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UCASE").hasMessageContaining("acme.Clash").hasMessageContaining("clash.jar")
        .hasMessageContaining("built-in");
  }

  @Test
  void badJarsAreSkipped() throws Exception {
    Files.writeString(dir.resolve("a-corrupt.jar"), "not a zip");
    jar(dir.resolve("b-badtype.jar"), "acme.Bad", """
        package acme;
        public class Bad {
          @dev.sluice.planner.function.Udf(name = "BAD_TYPE", description = "unsupported parameter type")
          public static String f(java.io.File f) { return null; }
        }
        """);
    jar(dir.resolve("c-noctor.jar"), "acme.NoCtor", """
        package acme;
        public class NoCtor {
          public NoCtor(int x) {}
          @dev.sluice.planner.function.Udf(name = "NO_CTOR", description = "instance without a no-arg ctor")
          public String f(String s) { return s; }
        }
        """);
    jar(dir.resolve("d-good.jar"), "acme.udf.Sample", SAMPLE);
    try (OutputStream out = Files.newOutputStream(dir.resolve("readme.txt"))) {
      out.write(1);
    }
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      assertThat(ext.jars()).containsExactly(dir.resolve("d-good.jar"));
      List<String> names = new ArrayList<>(ext.registry().scalars().keySet());
      assertThat(names).contains("REVERSE_IT").doesNotContain("BAD_TYPE", "NO_CTOR");
    }
  }

  @Test
  void missingDirectoryMeansBuiltInsOnly() {
    var ext = ExtensionLoader.load(dir.resolve("nope"), getClass().getClassLoader());
    assertThat(ext.registry()).isSameAs(FunctionRegistry.builtIn());
    assertThat(ext.classLoader()).isSameAs(getClass().getClassLoader());
  }
}
