package dev.sluice.engine.serde;

/**
 * The NONE format, and any format of a row without columns (a keyless stream's key): reads anything,
 * including a null, as the empty row and writes the empty row as a Kafka null.
 */
final class NoneCodec implements RowCodec {

  static final NoneCodec INSTANCE = new NoneCodec();
  private static final Object[] EMPTY = new Object[0];

  private NoneCodec() {}

  @Override
  public byte[] encode(String topic, Object[] row) {
    return null;
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    return EMPTY;
  }
}
