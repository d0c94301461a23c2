package dev.sluice.engine.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a run as JSON, in the shape that lets anyone re-check it ({@code check_report.py}):
 * {@code {"cases": [{file, name, kind, status, stage, reason, actual: {TOPIC: [{key, value, timestamp,
 * window?}]}}]}}, keys and values in the JSON shapes of QTT files, decimals with their exact scale, a window
 * only for windowed keys and headers only when a record has some.
 */
public final class Reports {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Reports() {}

  public static void writeJson(List<CaseResult> results, Path file) throws IOException {
    ObjectNode root = NODES.objectNode();
    ArrayNode cases = root.putArray("cases");
    for (CaseResult r : results) {
      ObjectNode c = cases.addObject();
      c.put("file", r.file());
      c.put("name", r.name());
      c.put("kind", r.kind());
      c.put("status", r.status().label());
      if (r.stage() == null) {
        c.putNull("stage");
      } else {
        c.put("stage", r.stage().label());
      }
      if (r.reason() == null) {
        c.putNull("reason");
      } else {
        c.put("reason", r.reason());
      }
      ObjectNode actual = c.putObject("actual");
      for (Map.Entry<String, List<ActualRecord>> topic : r.actual().entrySet()) {
        ArrayNode records = actual.putArray(topic.getKey());
        for (ActualRecord a : topic.getValue()) {
          records.add(record(a));
        }
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file);
         JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      MAPPER.writeTree(g, root);
    }
  }

  static ObjectNode record(ActualRecord a) {
    ObjectNode rec = NODES.objectNode();
    rec.set("key", a.key());
    rec.set("value", a.value());
    rec.put("timestamp", a.timestamp());
    if (a.window() != null) {
      ObjectNode w = rec.putObject("window");
      w.put("start", a.window().start());
      w.put("end", a.window().end());
      w.put("type", a.window().type());
    }
    if (!a.headers().isEmpty()) {
      ArrayNode headers = rec.putArray("headers");
      for (TestCase.Header h : a.headers()) {
        ObjectNode o = headers.addObject();
        o.put("KEY", h.key());
        if (h.value() == null) {
          o.putNull("VALUE");
        } else {
          o.put("VALUE", Base64.getEncoder().encodeToString(h.value()));
        }
      }
    }
    return rec;
  }
}
