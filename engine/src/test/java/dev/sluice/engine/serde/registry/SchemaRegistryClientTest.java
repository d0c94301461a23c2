package dev.sluice.engine.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sluice.engine.testing.LocalSchemaRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry client against a real registry (Apicurio's Confluent API, a base URL with a path). */
class SchemaRegistryClientTest {
  private static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"A\",\"type\":\"int\"}]}";
  private static final String V2 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"A\",\"type\":\"int\"},"
      + "{\"name\":\"B\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
  private static final String BREAKING = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"A\","
      + "\"type\":\"string\"}]}";
  private static SchemaRegistryClient client;

  @BeforeAll
  static void registry() {
    var registry = LocalSchemaRegistry.shared();
    Assumptions.assumeTrue(registry.isPresent(), "no Schema Registry runner (sluice.test.registry.runner)");
    client = new SchemaRegistryClient(registry.get().config());
  }

  private static String subject() {
    return "t-" + UUID.randomUUID() + "-value";
  }

  @Test
  void registersLooksUpByIdAndByVersion() {
    String subject = subject();
    int id = client.register(subject, "AVRO", V1, List.of());
    assertThat(client.register(subject, "AVRO", V1, List.of())).isEqualTo(id);
    RegisteredSchema byId = client.byId(id);
    assertThat(byId.type()).isEqualTo("AVRO");
    assertThat(byId.schema()).contains("\"A\"");
    RegisteredSchema latest = client.latest(subject).orElseThrow();
    assertThat(latest.id()).isEqualTo(id);
    assertThat(latest.version()).isEqualTo(1);
    assertThat(client.version(subject, 1).orElseThrow().id()).isEqualTo(id);
    assertThat(client.version(subject, 7)).isEmpty();
    assertThat(client.subjects()).contains(subject);
  }

  @Test
  void protobufSchemasWithReferences() {
    String ref = "ref-" + UUID.randomUUID() + ".proto";
    client.register(ref, "PROTOBUF", "syntax = \"proto3\";\nmessage Event {\n  int64 ts = 1;\n}\n", List.of());
    String subject = subject();
    int id = client.register(subject, "PROTOBUF", "syntax = \"proto3\";\nimport \"" + ref
        + "\";\nmessage Outer {\n  Event e = 1;\n}\n", List.of(new SchemaReference(ref, ref, 1)));
    RegisteredSchema read = client.latest(subject).orElseThrow();
    assertThat(read.id()).isEqualTo(id);
    assertThat(read.type()).isEqualTo("PROTOBUF");
    assertThat(read.references()).containsExactly(new SchemaReference(ref, ref, 1));
  }

  @Test
  void compatibilityIsCheckedAndEnforced() {
    String subject = subject();
    client.register(subject, "AVRO", V1, List.of());
    client.setCompatibility(subject, "BACKWARD");
    assertThat(client.isCompatible(subject, "AVRO", V2, List.of())).isTrue();
    assertThat(client.isCompatible(subject, "AVRO", BREAKING, List.of())).isFalse();
    assertThat(client.isCompatible(subject(), "AVRO", BREAKING, List.of())).as("a new subject").isTrue();
    assertThatThrownBy(() -> client.register(subject, "AVRO", BREAKING, List.of()))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(SchemaRegistryException.Kind.INCOMPATIBLE))
        .hasMessageContaining("register a schema under subject '" + subject + "'");
  }

  @Test
  void missingThingsAreNotFound() {
    assertThat(client.latest(subject())).isEmpty();
    assertThatThrownBy(() -> client.byId(987654))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(SchemaRegistryException.Kind.NOT_FOUND))
        .hasMessageContaining("schema id 987654");
  }

  @Test
  void deletedSubjectsAreGone() {
    String subject = subject();
    client.register(subject, "AVRO", V1, List.of());
    client.deleteSubject(subject);
    assertThat(client.latest(subject)).isEmpty();
    client.deleteSubject(subject);
  }

  @Test
  void anUnreachableRegistrySaysSoAfterItsRetries() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SchemaRegistryClient dead = new SchemaRegistryClient(new SchemaRegistryConfig("http://127.0.0.1:" + port
        + "/apis/ccompat/v7", null, null, Duration.ofSeconds(2), 1));
    assertThatThrownBy(() -> dead.byId(1))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(SchemaRegistryException.Kind.UNREACHABLE))
        .hasMessageContaining("is unreachable");
  }

  /** Basic auth and retries are the client's own behaviour; a bare HTTP server shows what it sends. */
  @Test
  void sendsBasicAuthAndRetriesServerErrors() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<String> auth = new AtomicReference<>();
    AtomicReference<String> path = new AtomicReference<>();
    server.createContext("/", exchange -> {
      auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
      path.set(exchange.getRequestURI().getPath());
      byte[] body = (calls.incrementAndGet() < 2 ? "{\"error_code\":50001,\"message\":\"busy\"}"
          : "{\"schema\":\"\\\"int\\\"\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(calls.get() < 2 ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      SchemaRegistryClient c = new SchemaRegistryClient(SchemaRegistryConfig.of("http://127.0.0.1:"
          + server.getAddress().getPort() + "/base/path/").withBasicAuth("user", "secret"));
      RegisteredSchema s = c.byId(5);
      assertThat(s.type()).as("a missing schemaType is AVRO").isEqualTo("AVRO");
      assertThat(s.schema()).isEqualTo("\"int\"");
      assertThat(calls.get()).isEqualTo(2);
      assertThat(path.get()).isEqualTo("/base/path/schemas/ids/5");
      assertThat(auth.get()).isEqualTo("Basic dXNlcjpzZWNyZXQ=");
      assertThat(c.config().toString()).doesNotContain("secret");
    } finally {
      server.stop(0);
    }
  }
}
