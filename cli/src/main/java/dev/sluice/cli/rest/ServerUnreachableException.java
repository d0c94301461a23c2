package dev.sluice.cli.rest;

import java.net.URI;

/** No HTTP answer at all from the server: refused, unknown host, timed out or cut off. */
public final class ServerUnreachableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final URI server;

  public ServerUnreachableException(URI server, Throwable cause) {
    super("Could not connect to the server at " + server + ": " + describe(cause), cause);
    this.server = server;
  }

  public URI server() {
    return server;
  }

  private static String describe(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof java.net.http.HttpConnectTimeoutException) {
        return "connection timed out";
      }
      if (t instanceof java.net.ConnectException) {
        return t.getMessage() == null ? "connection refused" : t.getMessage();
      }
      if (t instanceof java.net.UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
