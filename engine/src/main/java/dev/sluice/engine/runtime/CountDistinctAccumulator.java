package dev.sluice.engine.runtime;

import java.util.Arrays;
import org.apache.calcite.avatica.util.ByteString;

/**
 * COUNT_DISTINCT: the number of distinct non-null values, estimated with a HyperLogLog of 2^14 registers as
 * ksqlDB does (standard error under 1%; small counts come out exact, through linear counting). The registers
 * are the state, one BYTES column in one of two encodings:
 * <ul>
 *   <li>sparse ({@code 1}, then 3 bytes per non-zero register: index high, index low, rank; sorted by index)
 *       while few registers are set, so a group of a handful of values costs a few bytes, not 16 KiB;</li>
 *   <li>dense ({@code 2}, then one byte per register) once the sparse form would be larger.</li>
 * </ul>
 * Values are hashed by {@link AggValues#hash64}, which is stable across runs. Registers are copied before
 * they change (the state read from the store may still be the previous value Kafka Streams forwards).
 */
final class CountDistinctAccumulator extends Accumulator {
  static final int P = 14;
  static final int M = 1 << P;
  private static final byte SPARSE = 1;
  private static final byte DENSE = 2;
  private static final ByteString EMPTY = new ByteString(new byte[] {SPARSE});
  /** Sparse entries beyond which the dense form is smaller. */
  private static final int MAX_SPARSE = M / 3;

  private final int arg;

  CountDistinctAccumulator(int arg, int at) {
    super(at);
    this.arg = arg;
  }

  @Override
  void init(Object[] s) {
    s[at] = EMPTY;
  }

  @Override
  void add(Object[] row, Object[] s) {
    Object v = row[arg];
    if (v == null) {
      return;
    }
    long hash = AggValues.hash64(v);
    int index = (int) (hash >>> (64 - P));
    // rank: position of the first 1 bit in the remaining 64 - P bits, 1-based; all zero gives 64 - P + 1
    int rank = Long.numberOfLeadingZeros((hash << P) | (1L << (P - 1))) + 1;
    byte[] registers = bytes(s[at]);
    byte[] updated = set(registers, index, rank);
    if (updated != registers) {
      s[at] = updated; // a BYTES value may be a byte[]; wrapping it in a ByteString would copy it once more
    }
  }

  /** The register-wise maximum, sparse again when few registers are set. Linear in the register count. */
  @Override
  void merge(Object[] a, Object[] b, Object[] out) {
    byte[] registers = new byte[M];
    raise(registers, bytes(a[at]));
    raise(registers, bytes(b[at]));
    int set = 0;
    for (byte r : registers) {
      set += r != 0 ? 1 : 0;
    }
    if (set > MAX_SPARSE) {
      byte[] dense = new byte[1 + M];
      dense[0] = DENSE;
      System.arraycopy(registers, 0, dense, 1, M);
      out[at] = dense;
      return;
    }
    byte[] sparse = new byte[1 + 3 * set];
    sparse[0] = SPARSE;
    int e = 1;
    for (int i = 0; i < M; i++) {
      if (registers[i] != 0) {
        sparse[e] = (byte) (i >>> 8);
        sparse[e + 1] = (byte) i;
        sparse[e + 2] = registers[i];
        e += 3;
      }
    }
    out[at] = sparse;
  }

  /** Raises {@code registers} (one byte each, no header) to the registers of an encoded state. */
  private static void raise(byte[] registers, byte[] encoded) {
    if (encoded[0] == DENSE) {
      for (int i = 0; i < M; i++) {
        registers[i] = (byte) Math.max(registers[i], encoded[1 + i]);
      }
    } else {
      for (int e = 1; e + 2 < encoded.length; e += 3) {
        int i = index(encoded, e);
        registers[i] = (byte) Math.max(registers[i], encoded[e + 2]);
      }
    }
  }

  @Override
  Object result(Object[] s) {
    return estimate(bytes(s[at]));
  }

  /** The registers with register {@code index} raised to {@code rank}; the same array when it was not lower. */
  static byte[] set(byte[] registers, int index, int rank) {
    if (registers[0] == DENSE) {
      if (registers[1 + index] >= rank) {
        return registers;
      }
      byte[] copy = registers.clone();
      copy[1 + index] = (byte) rank;
      return copy;
    }
    int entries = (registers.length - 1) / 3;
    int low = 0;
    int high = entries - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int at = index(registers, 1 + mid * 3);
      if (at < index) {
        low = mid + 1;
      } else if (at > index) {
        high = mid - 1;
      } else {
        if (registers[1 + mid * 3 + 2] >= rank) {
          return registers;
        }
        byte[] copy = registers.clone();
        copy[1 + mid * 3 + 2] = (byte) rank;
        return copy;
      }
    }
    if (entries + 1 > MAX_SPARSE) {
      byte[] dense = new byte[1 + M];
      dense[0] = DENSE;
      for (int e = 1; e + 2 < registers.length; e += 3) {
        dense[1 + index(registers, e)] = registers[e + 2];
      }
      dense[1 + index] = (byte) rank;
      return dense;
    }
    byte[] copy = new byte[registers.length + 3];
    int split = 1 + low * 3;
    System.arraycopy(registers, 0, copy, 0, split);
    copy[split] = (byte) (index >>> 8);
    copy[split + 1] = (byte) index;
    copy[split + 2] = (byte) rank;
    System.arraycopy(registers, split, copy, split + 3, registers.length - split);
    return copy;
  }

  private static int index(byte[] sparse, int entry) {
    return (sparse[entry] & 0xff) << 8 | (sparse[entry + 1] & 0xff);
  }

  /** The HyperLogLog estimate, with linear counting while registers are still empty. */
  static long estimate(byte[] registers) {
    double sum = 0;
    int zeros = 0;
    if (registers[0] == DENSE) {
      for (int i = 0; i < M; i++) {
        int r = registers[1 + i];
        sum += Math.scalb(1.0, -r);
        zeros += r == 0 ? 1 : 0;
      }
    } else {
      int entries = (registers.length - 1) / 3;
      zeros = M - entries;
      sum = zeros;
      for (int e = 1; e + 2 < registers.length; e += 3) {
        sum += Math.scalb(1.0, -registers[e + 2]);
      }
    }
    double alpha = 0.7213 / (1 + 1.079 / M);
    double estimate = alpha * M * (double) M / sum;
    if (estimate <= 2.5 * M && zeros > 0) {
      estimate = M * Math.log((double) M / zeros);
    }
    return Math.round(estimate);
  }

  private static byte[] bytes(Object value) {
    if (value instanceof ByteString b) {
      return b.getBytes();
    } else if (value instanceof byte[] b) {
      return b;
    }
    throw new IllegalStateException("COUNT_DISTINCT state is not BYTES: " + Arrays.toString(new Object[] {value}));
  }
}
