package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a built-in scalar or table function has no unit test of its edge cases: every name the
 * registry holds must be named by a {@link Covers} annotation on a {@code @Test} method of a test class of
 * this package, and every name so claimed must be a real function (so a typo cannot stand in for one).
 */
class BuiltInCoverageTest {

  @Test
  void everyBuiltInFunctionHasEdgeCaseTests() throws Exception {
    Set<String> builtIns = new TreeSet<>(FunctionRegistry.builtIn().scalars().keySet());
    builtIns.addAll(FunctionRegistry.builtIn().tables().keySet());
    // not vacuous: the registry is the full library, and the scan below finds the test classes
    assertThat(builtIns).hasSizeGreaterThan(120).contains("ABS", "EXPLODE", "FORMAT_TIMESTAMP");

    Set<String> covered = new TreeSet<>();
    int annotated = 0;
    for (Class<?> test : testClasses()) {
      for (Method m : test.getDeclaredMethods()) {
        Covers covers = m.getAnnotation(Covers.class);
        if (covers == null) {
          continue;
        }
        assertThat(m.isAnnotationPresent(Test.class)).as("%s.%s has @Covers but no @Test", test.getSimpleName(),
            m.getName()).isTrue();
        annotated++;
        covered.addAll(Set.of(covers.value()));
      }
    }
    assertThat(annotated).as("@Covers test methods found").isGreaterThan(20);
    assertThat(covered).as("names in @Covers that are no built-in function").isSubsetOf(builtIns);
    Set<String> missing = new TreeSet<>(builtIns);
    missing.removeAll(covered);
    assertThat(missing).as("built-in functions without an edge-case test (@Covers)").isEmpty();
  }

  /** The compiled test classes of this package, found on disk next to this one. */
  private static Set<Class<?>> testClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir = Path.of(BuiltInCoverageTest.class.getResource("BuiltInCoverageTest.class").toURI()).getParent();
    Set<Class<?>> classes = new java.util.LinkedHashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String file = p.getFileName().toString();
        if (file.endsWith("Test.class")) {
          String name = BuiltInCoverageTest.class.getPackageName() + "." + file.substring(0, file.length() - 6);
          classes.add(Class.forName(name));
        }
      }
    }
    return classes;
  }
}
