package dev.sluice.engine.runtime;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Content equality, ordering and a stable 64-bit hash of row values for the aggregate functions. Structs are
 * {@code Object[]} at run time, whose own {@code equals} is identity, so COLLECT_SET's "already there" and
 * COLLECT_LIST's undo compare through {@link #equal}. The hash feeds COUNT_DISTINCT's HyperLogLog, whose
 * registers are persisted: it must not change between runs, so it never uses {@code Object.hashCode} of
 * types that do not specify theirs.
 */
final class AggValues {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private AggValues() {}

  /** Whether two values (either may be null) are equal by content. */
  static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Object[] x && b instanceof Object[] y) {
      if (x.length != y.length) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        if (!equal(x[i], y[i])) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  /** The order of two non-null values of one comparable SQL type (numbers, strings, times, bytes). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  /** A 64-bit hash of a non-null value, the same in every run. */
  static long hash64(Object value) {
    return mix(rawHash(value));
  }

  private static long rawHash(Object v) {
    if (v == null) {
      return 0x9e3779b97f4a7c15L;
    } else if (v instanceof String s) {
      long h = FNV_OFFSET;
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * FNV_PRIME;
      }
      return h;
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    } else if (v instanceof Double d) {
      return Double.doubleToLongBits(d == 0.0 ? 0.0 : d); // -0.0 and 0.0 are one value
    } else if (v instanceof BigDecimal d) {
      return rawHash(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } else if (v instanceof Boolean b) {
      return b ? 1231 : 1237;
    } else if (v instanceof ByteString b) {
      return bytesHash(b.getBytes());
    } else if (v instanceof byte[] b) {
      return bytesHash(b);
    } else if (v instanceof Object[] struct) {
      long h = 17;
      for (Object field : struct) {
        h = h * 31 + mix(rawHash(field));
      }
      return h;
    } else if (v instanceof List<?> list) {
      long h = 19;
      for (Object element : list) {
        h = h * 31 + mix(rawHash(element));
      }
      return h;
    } else if (v instanceof Map<?, ?> map) {
      long h = 23; // order-independent: a map's entries have no order
      for (Map.Entry<?, ?> e : map.entrySet()) {
        h += mix(rawHash(e.getKey()) * 31 + mix(rawHash(e.getValue())));
      }
      return h;
    }
    return rawHash(v.toString());
  }

  private static long bytesHash(byte[] bytes) {
    long h = FNV_OFFSET;
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finalizer: spreads every input bit over the whole result. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
