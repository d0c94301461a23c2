package dev.sluice.server.rest;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Cuts a streamed request body into its top-level JSON objects, however the chunks fall: objects separated by
 * newlines (ksqlDB's framing) or written back to back. It only tracks braces, brackets and strings, and hands
 * on each object's exact bytes, so the engine parses a row once, against the column types, and keeps
 * decimals exact (Vert.x's {@code JsonParser} would decode them into doubles first). Whether the bytes between
 * the braces are valid JSON is for that parse to say. Event loop only; not thread-safe.
 */
final class JsonObjectSplitter {

  /** What the splitter calls for each complete object, or for text that cannot start one. */
  interface Sink {
    void object(byte[] json);

    /** Something other than an object or whitespace; the splitter skips to the next line. */
    void malformed(String message);
  }

  private final Sink sink;
  private final int maxObjectBytes;
  private byte[] current = new byte[256];
  private int length;
  private int depth;
  private boolean inString;
  private boolean escaped;
  private boolean skippingLine;

  JsonObjectSplitter(Sink sink, int maxObjectBytes) {
    this.sink = sink;
    this.maxObjectBytes = maxObjectBytes;
  }

  /** Feeds the next chunk of the body. */
  void feed(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    for (byte b : bytes) {
      if (skippingLine) {
        skippingLine = b != '\n';
        continue;
      }
      if (depth == 0) {
        if (b == '{') {
          append(b);
          depth = 1;
        } else if (!isWhitespace(b)) {
          skippingLine = b != '\n';
          sink.malformed("Invalid JSON in inserts stream: expected a JSON object, found '" + (char) (b & 0xff)
              + "'");
        }
        continue;
      }
      append(b);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) {
          sink.object(Arrays.copyOf(current, length));
          length = 0;
        }
      }
      if (depth > 0 && length > maxObjectBytes) {
        reset();
        skippingLine = true;
        sink.malformed("Invalid JSON in inserts stream: an object is longer than " + maxObjectBytes + " bytes");
      }
    }
  }

  /** Whether the body ended inside an object. */
  boolean inObject() {
    return depth > 0;
  }

  private void reset() {
    length = 0;
    depth = 0;
    inString = false;
    escaped = false;
  }

  private void append(byte b) {
    if (length == current.length) {
      current = Arrays.copyOf(current, current.length * 2);
    }
    current[length++] = b;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
