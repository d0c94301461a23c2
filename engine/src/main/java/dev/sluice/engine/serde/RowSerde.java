package dev.sluice.engine.serde;

import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.engine.processinglog.ProcessingLogEntry;
import java.util.Arrays;
import java.util.Base64;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Kafka {@link Serde} of a key or value row: a {@link RowCodec} plus Kafka null handling and the
 * processing log. A record that cannot be read never throws into Kafka Streams: it is reported as a
 * DESERIALIZATION_ERROR and read as {@link #UNREADABLE}, which the engine drops. A row that cannot be
 * written is reported as a SERIALIZATION_ERROR and then thrown, as ksqlDB does, because silently losing
 * output is worse than stopping.
 */
public final class RowSerde implements Serde<Object[]> {

  /**
   * What the deserializer returns for a record it could not read (already in the processing log), so that
   * the engine can tell it from a genuine null value, which it forwards. Compared by identity.
   */
  public static final Object[] UNREADABLE = new Object[0];

  private final RowCodec codec;
  private final String target;
  private final ProcessingLogContext ctx;
  private final Serializer<Object[]> serializer = this::encodeAndLog;
  private final Deserializer<Object[]> deserializer = this::decodeOrLog;

  /**
   * @param target {@code key} or {@code value}, as the processing log names it
   */
  RowSerde(RowCodec codec, String target, ProcessingLogContext ctx) {
    this.codec = codec;
    this.target = target;
    this.ctx = ctx;
  }

  @Override
  public Serializer<Object[]> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<Object[]> deserializer() {
    return deserializer;
  }

  /** The format-level codec, for callers that want errors thrown. */
  public RowCodec codec() {
    return codec;
  }

  /**
   * Reads a record, throwing what the processing log would say.
   *
   * @return null for null bytes (a tombstone, or a null key), else the row
   * @throws SerdeException with the message {@code Failed to deserialize <target> from topic: <t>. <why>}
   */
  public Object[] decodeOrThrow(String topic, byte[] bytes) {
    if (bytes == null) {
      return codec == NoneCodec.INSTANCE ? codec.decode(topic, null) : null;
    }
    try {
      return codec.decode(topic, bytes);
    } catch (RuntimeException e) {
      throw new SerdeException("Failed to deserialize " + target + " from topic: " + topic + ". "
          + messageOf(e), e);
    }
  }

  /**
   * Writes a row, throwing instead of logging.
   *
   * @throws SerdeException with the message {@code Failed to serialize <target> to topic: <t>. <why>}
   */
  public byte[] encodeOrThrow(String topic, Object[] row) {
    if (row == null) {
      return null;
    }
    try {
      return codec.encode(topic, row);
    } catch (RuntimeException e) {
      throw new SerdeException("Failed to serialize " + target + " to topic: " + topic + ". "
          + messageOf(e), e);
    }
  }

  private Object[] decodeOrLog(String topic, byte[] bytes) {
    try {
      return decodeOrThrow(topic, bytes);
    } catch (SerdeException e) {
      ctx.report(ProcessingLogEntry.error(ProcessingLogEntry.Type.DESERIALIZATION_ERROR,
          ctx.loggerName(target + ".deserializer"), ctx.queryId(), target, e.getMessage(),
          ProcessingLogEntry.causes(e), topic,
          ctx.includeRows() ? Base64.getEncoder().encodeToString(bytes) : null));
      return UNREADABLE;
    }
  }

  private byte[] encodeAndLog(String topic, Object[] row) {
    try {
      return encodeOrThrow(topic, row);
    } catch (SerdeException e) {
      ctx.report(ProcessingLogEntry.error(ProcessingLogEntry.Type.SERIALIZATION_ERROR,
          ctx.loggerName(target + ".serializer"), ctx.queryId(), target, e.getMessage(),
          ProcessingLogEntry.causes(e), topic, ctx.includeRows() ? Arrays.deepToString(row) : null));
      throw e;
    }
  }

  private static String messageOf(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
