package dev.sluice.cli.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The open body of a {@code /query-stream} response, read line by line as the server writes it.
 *
 * <p>{@link #close()} may be called from another thread (the Ctrl-C handler, the query timeout) while
 * {@link #nextLine()} is blocked: the JDK client then cancels the exchange and the blocked read ends,
 * which is how a push query is cancelled without exiting the CLI.
 */
public final class QueryStream implements AutoCloseable {
  private final InputStream body;
  private final BufferedReader reader;
  private volatile boolean closed;

  QueryStream(InputStream body) {
    this.body = body;
    this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  /** The next line of the response, or null at its end or once closed. */
  public String nextLine() throws IOException {
    if (closed) {
      return null;
    }
    try {
      return reader.readLine();
    } catch (IOException e) {
      if (closed) {
        return null;
      }
      throw e;
    }
  }

  /** Whether {@link #close()} was called, i.e. the client and not the server ended the stream. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    try {
      body.close();
    } catch (IOException ignored) {
      // the exchange is being abandoned; nothing useful to report
    }
  }
}
