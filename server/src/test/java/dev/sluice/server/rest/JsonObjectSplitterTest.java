package dev.sluice.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a streamed body is cut into objects, wherever its chunks end. */
class JsonObjectSplitterTest {

  private final List<String> out = new ArrayList<>();
  private final JsonObjectSplitter splitter = splitter(64);

  /** A splitter that adds each object, or "ERROR " and the message, to {@link #out}. */
  private JsonObjectSplitter splitter(int maxObjectBytes) {
    return new JsonObjectSplitter(new JsonObjectSplitter.Sink() {
      @Override
      public void object(byte[] json) {
        out.add(new String(json, StandardCharsets.UTF_8));
      }

      @Override
      public void malformed(String message) {
        out.add("ERROR " + message);
      }
    }, maxObjectBytes);
  }

  @Test
  void everyChunkingYieldsTheSameObjects() {
    String body = "{\"a\":1}\n{\"b\":{\"c\":[1,{\"d\":\"}{][\\\"\"}]}}{\"é\":\"ø\"}\r\n  {}\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    for (int size = 1; size <= bytes.length; size++) {
      out.clear();
      JsonObjectSplitter fresh = splitter(1024);
      for (int i = 0; i < bytes.length; i += size) {
        fresh.feed(Buffer.buffer().appendBytes(bytes, i, Math.min(size, bytes.length - i)));
      }
      assertThat(out).as("chunks of %d bytes", size).containsExactly("{\"a\":1}",
          "{\"b\":{\"c\":[1,{\"d\":\"}{][\\\"\"}]}}", "{\"é\":\"ø\"}", "{}");
      assertThat(fresh.inObject()).isFalse();
    }
  }

  @Test
  void textOutsideObjectsIsReportedOnceAndTheRestOfItsLineSkipped() {
    splitter.feed(Buffer.buffer("{\"a\":1}\n[1, {\"x\":2}]\n{\"b\":2}\n"));

    assertThat(out).containsExactly("{\"a\":1}",
        "ERROR Invalid JSON in inserts stream: expected a JSON object, found '['", "{\"b\":2}");
  }

  @Test
  void anObjectOverTheLimitIsReportedAndItsLineSkipped() {
    splitter.feed(Buffer.buffer("{\"a\":\"" + "x".repeat(100) + "\"}\n{\"b\":2}"));

    assertThat(out).containsExactly("ERROR Invalid JSON in inserts stream: an object is longer than 64 bytes",
        "{\"b\":2}");
  }

  @Test
  void anUnfinishedObjectIsStillOpenAtTheEnd() {
    splitter.feed(Buffer.buffer("{\"a\":{\"b\":1}"));

    assertThat(out).isEmpty();
    assertThat(splitter.inObject()).isTrue();
  }
}
