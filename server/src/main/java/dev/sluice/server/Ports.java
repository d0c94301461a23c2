package dev.sluice.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;

/**
 * Port probing for the embedded broker and the HTTP listeners. A probe only says a port was free a moment
 * ago (another process can take it before we bind), so callers also treat {@link #isBindFailure} as a reason
 * to retry or to report a port conflict.
 */
final class Ports {

  private Ports() {}

  /** A port that was free on {@code host} just now. */
  static int free(InetAddress host) {
    try (ServerSocket socket = new ServerSocket(0, 1, host)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host.getHostAddress(), e);
    }
  }

  /** Whether nothing listens on {@code host:port} right now. */
  static boolean isFree(InetAddress host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code failure}, or one of its causes, is a failure to bind a port that is in use. */
  static boolean isBindFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      String message = t.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("address already in use")) {
        return true;
      }
    }
    return false;
  }
}
