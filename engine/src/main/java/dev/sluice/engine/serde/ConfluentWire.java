package dev.sluice.engine.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Confluent wire format that every Schema Registry serializer writes: a zero magic byte, the schema's
 * global id as 4 big-endian bytes, then the payload; PROTOBUF payloads start with the message indexes (the
 * path of the message type in its .proto file) as zigzag varints, a count first, where the common {@code [0]}
 * is the single byte 0.
 */
final class ConfluentWire {
  static final int HEADER = 5;

  private ConfluentWire() {}

  /** The schema id of a framed record. */
  static int schemaId(byte[] bytes) {
    if (bytes.length < HEADER || bytes[0] != 0) {
      throw new SerdeException("Unknown magic byte! The record was not written by a Schema Registry serializer"
          + " (expected the magic byte 0 and a 4-byte schema id)");
    }
    return (bytes[1] & 0xff) << 24 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 8 | (bytes[4] & 0xff);
  }

  /** Writes the header of a record with this schema id. */
  static void header(ByteArrayOutputStream out, int id) {
    out.write(0);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
  }

  /** Writes PROTOBUF message indexes. */
  static void messageIndexes(ByteArrayOutputStream out, List<Integer> indexes) {
    if (indexes.size() == 1 && indexes.get(0) == 0) {
      out.write(0);
      return;
    }
    writeVarint(out, zigzag(indexes.size()));
    for (int i : indexes) {
      writeVarint(out, zigzag(i));
    }
  }

  /**
   * Reads PROTOBUF message indexes starting at {@code buf}'s position, leaving it on the payload.
   */
  static List<Integer> readMessageIndexes(ByteBuffer buf) {
    int count = unzigzag(readVarint(buf));
    if (count == 0) {
      return List.of(0);
    }
    if (count < 0 || count > 100) {
      throw new SerdeException("Invalid protobuf message indexes in the record's header");
    }
    List<Integer> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(unzigzag(readVarint(buf)));
    }
    return out;
  }

  private static int zigzag(int n) {
    return (n << 1) ^ (n >> 31);
  }

  private static int unzigzag(int n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  private static int readVarint(ByteBuffer buf) {
    int result = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      if (!buf.hasRemaining()) {
        throw new SerdeException("Truncated protobuf message indexes in the record's header");
      }
      byte b = buf.get();
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new SerdeException("Invalid varint in the record's header");
  }
}
