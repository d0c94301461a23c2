package dev.sluice.cli.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The CLI's only way to reach the server: the ksqlDB-compatible REST API over the JDK's
 * {@link HttpClient}. It shares no code with the server on purpose, so the CLI works against any server
 * speaking that API (a ksqlDB server included) and the wire format stays the contract.
 *
 * <p>Requests use HTTP/1.1, which every ksqlDB-compatible server accepts, including for the chunked,
 * newline-delimited {@code /query-stream} response. Thread-safe; the target server can be switched.
 */
public final class KsqlRestClient {
  /** Content type of {@code /ksql} requests and responses. */
  public static final String KSQL_MEDIA_TYPE = "application/vnd.ksql.v1+json";
  /** Content type of the newline-delimited {@code /query-stream} response. */
  public static final String DELIMITED_MEDIA_TYPE = "application/vnd.ksqlapi.delimited.v1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String authorization;
  private volatile URI server;

  /**
   * @param serverUrl e.g. {@code http://localhost:8088}
   * @param user Basic-auth user, or null for none
   * @param password Basic-auth password (used only with a user)
   */
  public KsqlRestClient(String serverUrl, String user, String password) {
    this.server = parseServerUrl(serverUrl);
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  /** Checks a server address: absolute http(s) URL; a trailing slash is dropped. */
  public static URI parseServerUrl(String url) {
    String trimmed = url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException("Not an http(s) server address: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not an http(s) server address: " + url, e);
    }
  }

  public URI server() {
    return server;
  }

  public void setServer(String url) {
    this.server = parseServerUrl(url);
  }

  /** {@code GET /info}. */
  public ServerInfo serverInfo() throws KsqlRestException, ServerUnreachableException {
    HttpRequest request = request("/info").header("Accept", "application/json").GET().build();
    return ServerInfo.fromJson(sendForJson(request));
  }

  /**
   * {@code POST /ksql}: runs statements other than queries and returns the entity array.
   *
   * @param sql one or more statements, each ending with {@code ;}
   */
  public JsonNode ksql(String sql, Map<String, String> streamsProperties, Map<String, String> sessionVariables)
      throws KsqlRestException, ServerUnreachableException {
    ObjectNode body = JSON.createObjectNode();
    body.put("ksql", sql);
    body.set("streamsProperties", JSON.valueToTree(streamsProperties));
    body.set("sessionVariables", JSON.valueToTree(sessionVariables));
    HttpRequest request = request("/ksql")
        .header("Accept", KSQL_MEDIA_TYPE)
        .header("Content-Type", KSQL_MEDIA_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
        .build();
    return sendForJson(request);
  }

  /**
   * {@code POST /query-stream}: starts a push or pull query or a {@code PRINT} and returns its body as
   * it streams; the first line is the header, then one JSON array per row.
   */
  public QueryStream streamQuery(String sql, Map<String, String> properties, Map<String, String> sessionVariables)
      throws KsqlRestException, ServerUnreachableException {
    ObjectNode body = JSON.createObjectNode();
    body.put("sql", sql);
    body.set("properties", JSON.valueToTree(properties));
    body.set("sessionVariables", JSON.valueToTree(sessionVariables));
    HttpRequest request = request("/query-stream")
        .header("Accept", DELIMITED_MEDIA_TYPE)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
        .build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 400) {
      String text;
      try (InputStream in = response.body()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ServerUnreachableException(server, e);
      }
      throw error(response.statusCode(), text);
    }
    return new QueryStream(response.body());
  }

  /** {@code POST /close-query}: asks the server to stop a push query; failures are only reported. */
  public void closeQuery(String queryId) throws KsqlRestException, ServerUnreachableException {
    ObjectNode body = JSON.createObjectNode();
    body.put("queryId", queryId);
    HttpRequest request = request("/close-query")
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() >= 400) {
      throw error(response.statusCode(), response.body());
    }
  }

  /** Turns an error line or body ({@code {"error_code":..,"message":..}}) into an exception. */
  public static KsqlRestException error(int httpStatus, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node != null && node.isObject()) {
      String message = node.path("message").asText("");
      int code = node.path("error_code").asInt(httpStatus * 100);
      return new KsqlRestException(httpStatus, code, message.isEmpty() ? text.trim() : message, node);
    }
    String message = text == null || text.isBlank() ? "HTTP " + httpStatus : text.trim();
    return new KsqlRestException(httpStatus, httpStatus * 100, message, null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(server.getPath() + path));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private JsonNode sendForJson(HttpRequest request) throws KsqlRestException, ServerUnreachableException {
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() >= 400) {
      throw error(response.statusCode(), response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new KsqlRestException(response.statusCode(), 50000,
          "The server sent a response that is not JSON: " + abbreviate(response.body()), null);
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws ServerUnreachableException {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new ServerUnreachableException(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException(server, e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replace('\n', ' ').trim();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }
}
