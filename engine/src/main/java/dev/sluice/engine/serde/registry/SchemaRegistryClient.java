package dev.sluice.engine.serde.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small client of the Confluent Schema Registry REST API (v7), on the JDK's HTTP client and Jackson, so that
 * Sluice works with any registry that speaks it and depends on no vendor library. It registers schemas, looks
 * them up by id and by subject version, and checks compatibility; ids and registrations are cached (a schema
 * id never changes meaning), and a request that cannot reach the registry or gets a 5xx is retried with a
 * growing pause. It tolerates what registries differ in: a missing {@code schemaType} means AVRO, and the
 * configuration answer may say {@code compatibility} or {@code compatibilityLevel}. Thread-safe.
 */
public final class SchemaRegistryClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final SchemaRegistryConfig config;
  private final HttpClient http;
  private final String authorization;
  private final Map<Integer, RegisteredSchema> byId = new ConcurrentHashMap<>();
  private final Map<List<Object>, Integer> registered = new ConcurrentHashMap<>();

  public SchemaRegistryClient(SchemaRegistryConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    this.authorization = config.username() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (config.username() + ":" + (config.password() == null ? "" : config.password()))
            .getBytes(StandardCharsets.UTF_8));
  }

  public SchemaRegistryConfig config() {
    return config;
  }

  /**
   * Registers a schema under a subject (or finds it there), returning its global id. Registering the same
   * schema again returns the same id, from the cache without a request.
   *
   * @param type {@code AVRO}, {@code PROTOBUF} or {@code JSON}
   * @throws SchemaRegistryException {@link SchemaRegistryException.Kind#INCOMPATIBLE} when the subject's
   *     compatibility rule rejects it, {@code INVALID} when the registry cannot parse it
   */
  public int register(String subject, String type, String schema, List<SchemaReference> references) {
    List<Object> key = List.of(subject, type, schema, references);
    Integer cached = registered.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions",
        schemaBody(type, schema, references), "register a schema under subject '" + subject + "'");
    int id = answer.path("id").asInt();
    registered.put(key, id);
    byId.putIfAbsent(id, new RegisteredSchema(id, type, schema, references, null, -1));
    return id;
  }

  /**
   * The schema with this global id.
   *
   * @throws SchemaRegistryException {@code NOT_FOUND} when no schema has this id
   */
  public RegisteredSchema byId(int id) {
    RegisteredSchema cached = byId.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null, "look up schema id " + id);
    RegisteredSchema schema = new RegisteredSchema(id, answer.path("schemaType").asText(null),
        answer.path("schema").asText(), references(answer), null, -1);
    byId.put(id, schema);
    return schema;
  }

  /** The latest version of a subject, or empty when the subject does not exist. */
  public Optional<RegisteredSchema> latest(String subject) {
    return version(subject, "latest");
  }

  /** A version of a subject, or empty when the subject or the version does not exist. */
  public Optional<RegisteredSchema> version(String subject, int version) {
    return version(subject, Integer.toString(version));
  }

  private Optional<RegisteredSchema> version(String subject, String version) {
    JsonNode answer;
    try {
      answer = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null,
          "look up version " + version + " of subject '" + subject + "'");
    } catch (SchemaRegistryException e) {
      if (e.kind() == SchemaRegistryException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    RegisteredSchema schema = new RegisteredSchema(answer.path("id").asInt(), answer.path("schemaType")
        .asText(null), answer.path("schema").asText(), references(answer), answer.path("subject").asText(subject),
        answer.path("version").asInt(-1));
    byId.putIfAbsent(schema.id(), schema);
    return Optional.of(schema);
  }

  /**
   * Whether the schema may be registered under the subject, by the subject's compatibility rule; true when the
   * subject does not exist yet.
   */
  public boolean isCompatible(String subject, String type, String schema, List<SchemaReference> references) {
    try {
      return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
          schemaBody(type, schema, references), "check compatibility with subject '" + subject + "'")
          .path("is_compatible").asBoolean(false);
    } catch (SchemaRegistryException e) {
      if (e.kind() == SchemaRegistryException.Kind.NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  /** The registered subjects. */
  public List<String> subjects() {
    List<String> out = new ArrayList<>();
    send("GET", "/subjects", null, "list subjects").forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Deletes a subject and every version of it, for good (soft delete, then permanent); no-op when absent. */
  public void deleteSubject(String subject) {
    for (String query : List.of("", "?permanent=true")) {
      try {
        send("DELETE", "/subjects/" + encode(subject) + query, null, "delete subject '" + subject + "'");
      } catch (SchemaRegistryException e) {
        if (e.kind() != SchemaRegistryException.Kind.NOT_FOUND) {
          throw e;
        }
      }
    }
    registered.keySet().removeIf(k -> k.get(0).equals(subject));
  }

  /**
   * Sets the compatibility rule ({@code BACKWARD}, {@code NONE} ...) of a subject, or the global one for a null
   * subject.
   */
  public void setCompatibility(String subject, String level) {
    ObjectNode body = MAPPER.createObjectNode().put("compatibility", level);
    send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body, "set compatibility");
  }

  // ------------------------------------------------------------------ HTTP

  /**
   * A JSON Schema with its {@code $schema} dialect: Apicurio recognises a JSON Schema by it (or by an object's
   * properties), and refuses one of a bare type such as {@code {"type":"integer"}} without it. Confluent's
   * registry takes either.
   */
  private static String withDialect(String schema) {
    try {
      JsonNode node = MAPPER.readTree(schema);
      if (node instanceof ObjectNode object && !object.has("$schema")) {
        ObjectNode copy = MAPPER.createObjectNode().put("$schema", "http://json-schema.org/draft-07/schema#");
        copy.setAll(object);
        return copy.toString();
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // not JSON: the registry will say so
    }
    return schema;
  }

  private static ObjectNode schemaBody(String type, String schema, List<SchemaReference> references) {
    ObjectNode body = MAPPER.createObjectNode().put("schema", "JSON".equals(type) ? withDialect(schema) : schema);
    if (!"AVRO".equals(type)) {
      body.put("schemaType", type);
    }
    if (!references.isEmpty()) {
      ArrayNode refs = body.putArray("references");
      references.forEach(r -> refs.addObject().put("name", r.name()).put("subject", r.subject())
          .put("version", r.version()));
    }
    return body;
  }

  private static List<SchemaReference> references(JsonNode answer) {
    List<SchemaReference> out = new ArrayList<>();
    answer.path("references").forEach(r -> out.add(new SchemaReference(r.path("name").asText(),
        r.path("subject").asText(), r.path("version").asInt())));
    return out;
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Sends a request, retrying what may succeed later, and returns the parsed answer or throws a classified error. */
  private JsonNode send(String method, String path, JsonNode body, String what) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.url() + path))
        .timeout(config.timeout())
        .header("Accept", CONTENT_TYPE + ", application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json(body)));
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    SchemaRegistryException last = null;
    for (int attempt = 0; attempt <= config.retries(); attempt++) {
      if (attempt > 0) {
        pause(attempt);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        last = new SchemaRegistryException(SchemaRegistryException.Kind.UNREACHABLE, 0, "Could not " + what
            + ": the Schema Registry at " + config.url() + " is unreachable (" + describe(e) + ")", e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(SchemaRegistryException.Kind.UNREACHABLE, 0, "Interrupted while trying"
            + " to " + what, e);
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return parse(response.body());
      }
      last = error(status, response.body(), what);
      if (status / 100 != 5) {
        throw last;
      }
    }
    throw last;
  }

  private SchemaRegistryException error(int status, String text, String what) {
    JsonNode answer;
    try {
      answer = parse(text);
    } catch (SchemaRegistryException e) {
      answer = MAPPER.createObjectNode();
    }
    int code = answer.path("error_code").asInt(status);
    String message = answer.path("message").asText(text == null || text.isBlank() ? "HTTP " + status : text);
    SchemaRegistryException.Kind kind;
    if (status == 404 || code / 100 == 404) {
      kind = SchemaRegistryException.Kind.NOT_FOUND;
    } else if (status == 409) {
      kind = SchemaRegistryException.Kind.INCOMPATIBLE;
    } else if (status == 422) {
      kind = SchemaRegistryException.Kind.INVALID;
    } else if (status == 401 || status == 403) {
      kind = SchemaRegistryException.Kind.UNAUTHORIZED;
    } else if (status / 100 == 5) {
      kind = SchemaRegistryException.Kind.UNREACHABLE;
    } else {
      kind = SchemaRegistryException.Kind.OTHER;
    }
    return new SchemaRegistryException(kind, code, "Could not " + what + ": " + message + " (HTTP " + status
        + ", error code " + code + ")", null);
  }

  private static JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(SchemaRegistryException.Kind.OTHER, 0,
          "The Schema Registry answered with something that is not JSON", e);
    }
  }

  private static String json(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(2000L, 100L << (attempt - 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
