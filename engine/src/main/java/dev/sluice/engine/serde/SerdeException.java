package dev.sluice.engine.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that cannot be read or written in its format. Extends Kafka's {@link SerializationException}
 * so that, should one escape a serializer, Kafka Streams classifies it as a serialization failure.
 * Its message never contains the record's bytes.
 */
public class SerdeException extends SerializationException {

  private static final long serialVersionUID = 1L;

  public SerdeException(String message) {
    super(message);
  }

  public SerdeException(String message, Throwable cause) {
    super(message, cause);
  }
}
