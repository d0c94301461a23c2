package dev.sluice.engine.serde;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Sluice's own format for rows between its operators: repartition topics, state stores and their changelogs
 * (DESIGN.md's "compact, versioned binary format"). Nobody outside Sluice reads these bytes, so they carry
 * no names and no schema: a version byte, then each column in order as a presence byte and its value.
 * Integers are zig-zag varints (a small count is one byte), DOUBLE 8 bytes, STRING and BYTES a length and
 * the bytes, DECIMAL a scale and the unscaled bytes, ARRAY and MAP a count and their elements, STRUCT its
 * fields in order. Reading is a walk over the bytes with no parsing of text, which is what JSON between
 * operators cost.
 *
 * <p>Values round-trip as the JSON format gave them back, so that a query's results do not depend on which
 * format its internal topics use: a DECIMAL at its column's scale, BYTES as a {@link ByteString}, a STRUCT
 * as {@code Object[]}, an ARRAY as a {@code List} and a MAP as a {@code LinkedHashMap}.
 */
final class InternalCodec implements RowCodec {
  /** The first byte of every record; a new layout gets a new number, and readers of old ones stay. */
  static final byte VERSION = 1;

  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

  private final ValueCodec[] columns;

  InternalCodec(List<Column> columns) {
    this.columns = columns.stream().map(c -> forType(c.type())).toArray(ValueCodec[]::new);
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    Output out = OUTPUT.get();
    out.reset();
    out.write(VERSION);
    for (int i = 0; i < columns.length; i++) {
      writeNullable(columns[i], out, row[i]);
    }
    return out.toByteArray();
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != VERSION) {
      throw new SerdeException("Not a row of Sluice's internal format version " + VERSION
          + (bytes.length == 0 ? ": no bytes" : ": version byte " + bytes[0]));
    }
    Input in = new Input(bytes, 1);
    Object[] row = new Object[columns.length];
    try {
      for (int i = 0; i < columns.length; i++) {
        row[i] = readNullable(columns[i], in);
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new SerdeException("Truncated row of Sluice's internal format (" + bytes.length + " bytes)");
    }
    return row;
  }

  private static void writeNullable(ValueCodec codec, Output out, Object value) {
    if (value == null) {
      out.write((byte) 0);
    } else {
      out.write((byte) 1);
      codec.write(out, value);
    }
  }

  private static Object readNullable(ValueCodec codec, Input in) {
    return in.next() == 0 ? null : codec.read(in);
  }

  /** Writes and reads one non-null value of a SQL type. */
  private interface ValueCodec {
    void write(Output out, Object value);

    Object read(Input in);
  }

  private static ValueCodec forType(SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> new ValueCodec() {
        public void write(Output out, Object v) {
          out.write((byte) ((Boolean) v ? 1 : 0));
        }

        public Object read(Input in) {
          return in.next() != 0;
        }
      };
      case INTEGER, DATE, TIME -> new ValueCodec() {
        public void write(Output out, Object v) {
          out.writeVarLong(Values.intValue(v));
        }

        public Object read(Input in) {
          return (int) in.readVarLong();
        }
      };
      case BIGINT, TIMESTAMP -> new ValueCodec() {
        public void write(Output out, Object v) {
          out.writeVarLong(Values.longValue(v));
        }

        public Object read(Input in) {
          return in.readVarLong();
        }
      };
      case DOUBLE -> new ValueCodec() {
        public void write(Output out, Object v) {
          out.writeLong(Double.doubleToRawLongBits(Values.doubleValue(v)));
        }

        public Object read(Input in) {
          return Double.longBitsToDouble(in.readLong());
        }
      };
      case DECIMAL -> decimal((SqlType.Decimal) type);
      case STRING -> new ValueCodec() {
        public void write(Output out, Object v) {
          out.writeBytes(v.toString().getBytes(StandardCharsets.UTF_8));
        }

        public Object read(Input in) {
          int n = in.readLength();
          String s = new String(in.bytes, in.pos, n, StandardCharsets.UTF_8);
          in.pos += n;
          return s;
        }
      };
      case BYTES -> new ValueCodec() {
        public void write(Output out, Object v) {
          out.writeBytes(Values.bytes(v));
        }

        public Object read(Input in) {
          return new ByteString(in.readBytes());
        }
      };
      case ARRAY -> array(forType(((SqlType.Array) type).element()));
      case MAP -> map(forType(((SqlType.Map) type).key()), forType(((SqlType.Map) type).value()));
      case STRUCT -> struct(((SqlType.Struct) type).fields().stream().map(f -> forType(f.type()))
          .toArray(ValueCodec[]::new));
    };
  }

  private static ValueCodec decimal(SqlType.Decimal type) {
    return new ValueCodec() {
      public void write(Output out, Object v) {
        BigDecimal d = Values.decimalUnpadded(v, type);
        out.writeVarLong(d.scale());
        out.writeBytes(d.unscaledValue().toByteArray());
      }

      public Object read(Input in) {
        int scale = (int) in.readVarLong();
        return Values.fit(new BigDecimal(new BigInteger(in.readBytes()), scale), type);
      }
    };
  }

  private static ValueCodec array(ValueCodec element) {
    return new ValueCodec() {
      public void write(Output out, Object v) {
        List<?> list = (List<?>) v;
        out.writeVarLong(list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
          writeNullable(element, out, list.get(i));
        }
      }

      public Object read(Input in) {
        int n = in.readLength();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readNullable(element, in));
        }
        return list;
      }
    };
  }

  private static ValueCodec map(ValueCodec key, ValueCodec value) {
    return new ValueCodec() {
      public void write(Output out, Object v) {
        Map<?, ?> map = (Map<?, ?>) v;
        out.writeVarLong(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          writeNullable(key, out, e.getKey());
          writeNullable(value, out, e.getValue());
        }
      }

      public Object read(Input in) {
        int n = in.readLength();
        Map<Object, Object> map = new LinkedHashMap<>(n * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
          Object k = readNullable(key, in);
          map.put(k, readNullable(value, in));
        }
        return map;
      }
    };
  }

  private static ValueCodec struct(ValueCodec[] fields) {
    return new ValueCodec() {
      public void write(Output out, Object v) {
        for (int i = 0; i < fields.length; i++) {
          writeNullable(fields[i], out, Values.field(v, i));
        }
      }

      public Object read(Input in) {
        Object[] struct = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
          struct[i] = readNullable(fields[i], in);
        }
        return struct;
      }
    };
  }

  /** A growable buffer, one per thread and reused: a record costs one copy of its bytes. */
  private static final class Output {
    private byte[] buf = new byte[256];
    private int size;

    void reset() {
      if (buf.length > 64 * 1024) {
        buf = new byte[256]; // one huge row does not pin its buffer forever
      }
      size = 0;
    }

    void write(byte b) {
      ensure(1);
      buf[size++] = b;
    }

    void writeLong(long v) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[size++] = (byte) (v >>> shift);
      }
    }

    /** Zig-zag varint: small magnitudes of either sign in few bytes. */
    void writeVarLong(long v) {
      ensure(10);
      long z = (v << 1) ^ (v >> 63);
      while ((z & ~0x7FL) != 0) {
        buf[size++] = (byte) ((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      buf[size++] = (byte) z;
    }

    void writeBytes(byte[] bytes) {
      writeVarLong(bytes.length);
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, size, bytes.length);
      size += bytes.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }
  }

  private static final class Input {
    final byte[] bytes;
    int pos;

    Input(byte[] bytes, int pos) {
      this.bytes = bytes;
      this.pos = pos;
    }

    byte next() {
      return bytes[pos++];
    }

    long readLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (bytes[pos++] & 0xFF);
      }
      return v;
    }

    long readVarLong() {
      long z = 0;
      int shift = 0;
      byte b;
      do {
        if (shift > 63) {
          throw new SerdeException("Malformed varint in a row of Sluice's internal format");
        }
        b = bytes[pos++];
        z |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      return (z >>> 1) ^ -(z & 1);
    }

    int readLength() {
      long n = readVarLong();
      if (n < 0 || n > bytes.length - pos) {
        throw new SerdeException("Malformed length " + n + " in a row of Sluice's internal format");
      }
      return (int) n;
    }

    byte[] readBytes() {
      int n = readLength();
      byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
      pos += n;
      return out;
    }
  }
}
