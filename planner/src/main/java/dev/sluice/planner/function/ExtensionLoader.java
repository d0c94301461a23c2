package dev.sluice.planner.function;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads user-defined functions from the jars of an extension directory ({@code ksql.extension.dir}): each jar
 * gets its own class loader, every class in it is scanned for {@link Udf} methods (scalar and table
 * functions: public static methods, and instance methods of classes with a public no-argument constructor)
 * and {@link Udaf} factory methods (aggregate functions), and the functions are added to the built-ins. A
 * jar that cannot be read, or whose classes or functions are invalid, is logged and skipped; a function
 * whose name is a built-in's, or another jar's, stops the start-up with a message naming both.
 *
 * <p>Generated code calls UDF methods by class name, so it must be compiled against {@link
 * Extensions#classLoader()}, which sees the engine's classes and every loaded jar.
 */
public final class ExtensionLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ExtensionLoader.class);

  private ExtensionLoader() {}

  /** The registry to plan with and the class loader to compile with; close it to release the jars. */
  public record Extensions(FunctionRegistry registry, ClassLoader classLoader, List<Path> jars)
      implements AutoCloseable {
    @Override
    public void close() {
      if (classLoader instanceof JarsClassLoader jarsLoader) {
        jarsLoader.closeJars();
      }
    }
  }

  /** No extensions: the built-ins, compiled against {@code parent}. */
  public static Extensions none(ClassLoader parent) {
    return new Extensions(FunctionRegistry.builtIn(), parent, List.of());
  }

  /**
   * The built-ins plus the functions of every {@code *.jar} directly in {@code dir}, in name order. A
   * null or missing directory means no extensions.
   *
   * @param parent the engine's class loader: the parent of each jar's loader
   * @throws IllegalArgumentException when a function's name is already taken
   */
  public static Extensions load(Path dir, ClassLoader parent) {
    if (dir == null) {
      return none(parent);
    }
    if (!Files.isDirectory(dir)) {
      LOG.info("No extension directory {}: no user-defined functions", dir);
      return none(parent);
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
          .sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot list the extension directory " + dir + ": " + e.getMessage(), e);
    }
    FunctionRegistry registry = FunctionRegistry.builtIn();
    List<URLClassLoader> loaders = new ArrayList<>();
    List<Path> loaded = new ArrayList<>();
    Map<String, Path> classes = new LinkedHashMap<>();
    try {
      for (Path jar : jars) {
        URLClassLoader loader;
        Scanned scanned;
        List<String> names;
        try {
          names = classNames(jar);
          loader = new URLClassLoader("udf:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (IOException | RuntimeException e) {
          LOG.error("Skipping extension jar {}: cannot read it: {}", jar, e.toString());
          continue;
        }
        try {
          scanned = scan(loader, names);
        } catch (Exception | LinkageError e) {
          LOG.error("Skipping extension jar {}: {}", jar, e.toString());
          closeQuietly(loader);
          continue;
        }
        if (scanned.isEmpty()) {
          LOG.info("Extension jar {} has no @Udf or @Udaf functions", jar);
          closeQuietly(loader);
          continue;
        }
        String clash = scanned.classNames().stream().filter(classes::containsKey).findFirst().orElse(null);
        if (clash != null) {
          LOG.error("Skipping extension jar {}: its class {} is also in {}", jar, clash, classes.get(clash));
          closeQuietly(loader);
          continue;
        }
        try {
          registry = registry.withExtensions(scanned.overloads(), scanned.udafs(), jar.toString());
        } catch (IllegalArgumentException e) {
          closeQuietly(loader);
          throw e;
        }
        scanned.classNames().forEach(c -> classes.put(c, jar));
        loaders.add(loader);
        loaded.add(jar);
        LOG.info("Loaded user-defined functions {} from {}", scanned.names(), jar);
      }
    } catch (RuntimeException e) {
      loaders.forEach(ExtensionLoader::closeQuietly);
      throw e;
    }
    if (loaders.isEmpty()) {
      return none(parent);
    }
    return new Extensions(registry, new JarsClassLoader(parent, loaders), List.copyOf(loaded));
  }

  private static List<String> classNames(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String entry = entries.nextElement().getName();
        if (entry.endsWith(".class") && !entry.endsWith("module-info.class") && !entry.startsWith("META-INF/")) {
          names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    return names;
  }

  /** The functions found in one jar. */
  private record Scanned(List<FunctionRegistry.ScalarOverload> overloads, List<UdafOverload> udafs) {
    boolean isEmpty() {
      return overloads.isEmpty() && udafs.isEmpty();
    }

    List<String> classNames() {
      return Stream.concat(overloads.stream().map(FunctionRegistry.ScalarOverload::method),
          udafs.stream().map(UdafOverload::method)).map(m -> m.getDeclaringClass().getName()).distinct().toList();
    }

    List<String> names() {
      return Stream.concat(overloads.stream().map(FunctionRegistry.ScalarOverload::name),
          udafs.stream().map(UdafOverload::name)).distinct().sorted().toList();
    }
  }

  private static Scanned scan(ClassLoader loader, List<String> names) throws ClassNotFoundException {
    List<FunctionRegistry.ScalarOverload> overloads = new ArrayList<>();
    List<UdafOverload> udafs = new ArrayList<>();
    for (String name : names) {
      // Initialized only when a query calls it; a class that cannot even be linked makes the jar bad.
      Class<?> type;
      Method[] methods;
      try {
        type = Class.forName(name, false, loader);
        methods = type.getMethods();
      } catch (LinkageError e) {
        // A shaded dependency's class may need something absent; only classes with functions matter.
        LOG.warn("Extension class {} cannot be loaded, ignoring it: {}", name, e.toString());
        continue;
      }
      if (type.getClassLoader() != loader || java.util.Arrays.stream(methods)
          .noneMatch(m -> m.isAnnotationPresent(Udf.class) || m.isAnnotationPresent(Udaf.class))) {
        continue; // no functions, or the same class is on the engine's class path and is not this jar's
      }
      overloads.addAll(FunctionRegistry.overloadsOf(type, true));
      udafs.addAll(FunctionRegistry.udafsOf(type));
    }
    return new Scanned(overloads, udafs);
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.debug("Closing {}", loader, e);
    }
  }

  /** The engine's classes first, then each extension jar's, in load order. */
  private static final class JarsClassLoader extends ClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final List<URLClassLoader> jars;

    JarsClassLoader(ClassLoader parent, List<URLClassLoader> jars) {
      super("sluice-extensions", parent);
      this.jars = List.copyOf(jars);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      for (URLClassLoader jar : jars) {
        try {
          return jar.loadClass(name);
        } catch (ClassNotFoundException e) {
          // next jar
        }
      }
      throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
      for (URLClassLoader jar : jars) {
        URL url = jar.findResource(name);
        if (url != null) {
          return url;
        }
      }
      return null;
    }

    void closeJars() {
      jars.forEach(ExtensionLoader::closeQuietly);
    }
  }
}
