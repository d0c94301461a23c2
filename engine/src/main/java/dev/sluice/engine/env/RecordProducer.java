package dev.sluice.engine.env;

/** Writes one serialized record and returns once it is stored (INSERT INTO ... VALUES). */
public interface RecordProducer {
  void send(String topic, byte[] key, byte[] value, Long timestamp);
}
