package dev.sluice.engine.serde.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the Schema Registry is and how to log in: any registry that speaks the Confluent Schema Registry API
 * (Confluent's, Apicurio's {@code .../apis/ccompat/v7}, Karapace, Redpanda). A base URL may carry a path; the
 * client appends to it and never replaces it.
 *
 * @param url the base URL, for example {@code http://localhost:8081}
 * @param username for HTTP basic authentication, or null for none
 * @param password the basic-auth password; ignored without a username
 * @param timeout how long one request may take
 * @param retries how many times a request that could not reach the registry (or got a 5xx) is tried again
 */
public record SchemaRegistryConfig(String url, String username, String password, Duration timeout, int retries) {

  public SchemaRegistryConfig {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("schema.registry.url must not be empty");
    }
    url = url.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("schema.registry.url is not a URL: '" + url + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("schema.registry.url must be an http:// or https:// URL, got: '" + url
          + "'");
    }
    if (username != null && username.isEmpty()) {
      username = null;
    }
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
  }

  /** A registry without authentication, with the default timeout and retries. */
  public static SchemaRegistryConfig of(String url) {
    return new SchemaRegistryConfig(url, null, null, null, 3);
  }

  /** The same registry with basic authentication. */
  public SchemaRegistryConfig withBasicAuth(String user, String pass) {
    return new SchemaRegistryConfig(url, user, pass, timeout, retries);
  }

  @Override
  public String toString() {
    return "SchemaRegistryConfig[url=" + url + ", username=" + username + ", password="
        + (password == null ? "null" : "******") + "]";
  }
}
