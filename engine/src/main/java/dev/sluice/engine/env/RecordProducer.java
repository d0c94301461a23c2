package dev.sluice.engine.env;

/** Writes one serialized record and returns once it is stored (INSERT INTO ... VALUES). */
public interface RecordProducer {
  void send(String topic, byte[] key, byte[] value, Long timestamp);

  /**
   * Writes one serialized record without waiting: the future completes once it is stored, or fails with a
   * {@link dev.sluice.error.SluiceException}. Records of one caller are stored in the order they were sent.
   */
  default java.util.concurrent.CompletableFuture<Void> sendAsync(String topic, byte[] key, byte[] value,
      Long timestamp) {
    send(topic, key, value, timestamp);
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }
}
