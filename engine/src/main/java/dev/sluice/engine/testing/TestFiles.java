package dev.sluice.engine.testing;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads test files in ksqlDB's QTT format, as ksqlDB's own harness does: comments allowed, unknown keys
 * ignored, numbers exact ({@code 1.50} stays a decimal of scale 2), and every test expanded into one case
 * per {@code format} x {@code config} element. A file or test that cannot be read becomes a case that
 * fails with the reason, so nothing is dropped silently.
 */
public final class TestFiles {

  /** The mapper for test files and reports: comments, exact decimals, trailing zeros kept. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private TestFiles() {}

  /** Every {@code .json} file under each path (a path may be a file), sorted within each directory tree. */
  public static List<Path> find(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
              .sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  /** The cases of one file, in file order. */
  public static List<TestCase> read(Path file) {
    String fileName = file.getFileName().toString();
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      return List.of(invalid(fileName, baseName(fileName) + " - (unreadable file)",
          "cannot read the file: " + oneLine(e.getMessage())));
    }
    JsonNode tests = root == null ? null : root.get("tests");
    if (tests == null || !tests.isArray() || tests.isEmpty()) {
      return List.of(invalid(fileName, baseName(fileName) + " - (no tests)", "the file has no \"tests\" array"));
    }
    List<TestCase> cases = new ArrayList<>();
    for (JsonNode test : tests) {
      cases.addAll(expand(fileName, test));
    }
    return cases;
  }

  /** One test object to its cases; {@code fileName} names them. */
  public static List<TestCase> expand(String fileName, JsonNode test) {
    String base = baseName(fileName) + " - " + test.path("name").asText("(unnamed)");
    List<String> formats = strings(test.get("format"));
    List<String> configs = strings(test.get("config"));
    Map<String, Object> properties = new LinkedHashMap<>();
    test.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), scalar(e.getValue())));
    String configKey = properties.entrySet().stream().filter(e -> "{CONFIG}".equals(e.getValue()))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    List<String> statements = strings(test.get("statements"));
    String invalid = validate(test, statements);
    List<TestCase> cases = new ArrayList<>();
    for (String format : formats.isEmpty() ? java.util.Collections.<String>singletonList(null) : formats) {
      for (String config : configs.isEmpty() ? java.util.Collections.<String>singletonList(null) : configs) {
        String name = base;
        List<String> stmts = statements;
        Map<String, Object> props = new LinkedHashMap<>(properties);
        if (format != null) {
          name += " - " + format;
          stmts = statements.stream().map(s -> s.replace("{FORMAT}", format)).toList();
        }
        if (config != null && configKey != null) {
          props.put(configKey, config);
          name += " - " + configKey + "=" + config;
        }
        try {
          cases.add(new TestCase(fileName, name, stmts, props, records(test.get("inputs")),
              records(test.get("outputs")), list(test.get("topics")), expectedError(test.get("expectedException")),
              test.get("post"), test.path("enabled").asBoolean(true), invalid, test));
        } catch (IllegalArgumentException e) {
          cases.add(new TestCase(fileName, name, stmts, props, List.of(), List.of(), List.of(), Optional.empty(),
              null, true, e.getMessage(), test));
        }
      }
    }
    return cases;
  }

  private static String validate(JsonNode test, List<String> statements) {
    if (!test.path("name").isTextual()) {
      return "the test has no \"name\"";
    }
    if (statements.isEmpty()) {
      return "the test has no \"statements\"";
    }
    if (!test.has("inputs") && !test.has("outputs") && !test.has("expectedException")) {
      return "the test has none of \"inputs\", \"outputs\", \"expectedException\"";
    }
    return null;
  }

  private static TestCase invalid(String file, String name, String why) {
    return new TestCase(file, name, List.of(), Map.of(), List.of(), List.of(), List.of(), Optional.empty(), null,
        true, why, null);
  }

  static String baseName(String fileName) {
    return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
  }

  private static Object scalar(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  /** Reads an {@code inputs} or {@code outputs} array. */
  public static List<TestCase.Record> records(JsonNode node) {
    List<TestCase.Record> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("records must be an array");
    }
    for (JsonNode r : node) {
      if (!r.path("topic").isTextual()) {
        throw new IllegalArgumentException("a record has no \"topic\": " + r);
      }
      JsonNode ts = r.get("timestamp");
      TestCase.Window window = null;
      JsonNode w = r.get("window");
      if (w != null && !w.isNull()) {
        window = new TestCase.Window(w.path("start").asLong(), w.path("end").asLong(),
            w.path("type").asText("time").equalsIgnoreCase("session"));
      }
      List<TestCase.Header> headers = null;
      JsonNode h = r.get("headers");
      if (h != null && h.isArray()) {
        headers = new ArrayList<>();
        for (JsonNode header : h) {
          JsonNode value = header.get("VALUE");
          headers.add(new TestCase.Header(header.path("KEY").asText(),
              value == null || value.isNull() ? null : Base64.getDecoder().decode(value.asText())));
        }
      }
      out.add(new TestCase.Record(r.get("topic").asText(), nullToNode(r.get("key")), nullToNode(r.get("value")),
          ts == null || ts.isNull() ? null : ts.asLong(), window, headers));
    }
    return out;
  }

  private static JsonNode nullToNode(JsonNode n) {
    return n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n;
  }

  private static Optional<TestCase.ExpectedError> expectedError(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new TestCase.ExpectedError(text(node, "type"), text(node, "message"), text(node, "cause"),
        text(node, "causeMessage")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
