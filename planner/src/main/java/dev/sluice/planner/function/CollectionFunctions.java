package dev.sluice.planner.function;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Built-in ARRAY and MAP functions. A NULL array or map gives NULL; NULL elements are kept as values. */
public final class CollectionFunctions {
  private CollectionFunctions() {}

  private static final String ARRAY = "ARRAY";
  private static final String MAP = "MAP";

  @Udf(name = "ARRAY_LENGTH", category = ARRAY, description = "The number of elements of an array.")
  public static <T> Integer arrayLength(@UdfParam("array") List<T> array) {
    return array == null ? null : array.size();
  }

  @Udf(name = "ARRAY_CONTAINS", category = ARRAY, description = "Whether the array contains the value.")
  public static <T> Boolean arrayContains(@UdfParam("array") List<T> array, @UdfParam("value") T value) {
    if (array == null) {
      return false;
    }
    // not List.contains: an immutable list (List.of) throws on a null value instead of answering
    for (T t : array) {
      if (Objects.equals(t, value)) {
        return true;
      }
    }
    return false;
  }

  @Udf(name = "ARRAY_DISTINCT", category = ARRAY, description = "The array without duplicates, in first-seen order.")
  public static <T> List<T> arrayDistinct(@UdfParam("array") List<T> array) {
    return array == null ? null : new ArrayList<>(new LinkedHashSet<>(array));
  }

  @Udf(name = "ARRAY_EXCEPT", category = ARRAY, description = "The distinct elements of left not in right.")
  public static <T> List<T> arrayExcept(@UdfParam("left") List<T> left, @UdfParam("right") List<T> right) {
    if (left == null || right == null) {
      return null;
    }
    LinkedHashSet<T> out = new LinkedHashSet<>(left);
    out.removeAll(new LinkedHashSet<>(right));
    return new ArrayList<>(out);
  }

  @Udf(name = "ARRAY_INTERSECT", category = ARRAY, description = "The distinct elements in both arrays.")
  public static <T> List<T> arrayIntersect(@UdfParam("left") List<T> left, @UdfParam("right") List<T> right) {
    if (left == null || right == null) {
      return null;
    }
    LinkedHashSet<T> out = new LinkedHashSet<>(left);
    out.retainAll(new LinkedHashSet<>(right));
    return new ArrayList<>(out);
  }

  @Udf(name = "ARRAY_UNION", category = ARRAY, description = "The distinct elements of either array.")
  public static <T> List<T> arrayUnion(@UdfParam("left") List<T> left, @UdfParam("right") List<T> right) {
    if (left == null || right == null) {
      return null;
    }
    LinkedHashSet<T> out = new LinkedHashSet<>(left);
    out.addAll(right);
    return new ArrayList<>(out);
  }

  @Udf(name = "ARRAY_CONCAT", category = ARRAY, description = "The elements of left then right; a NULL array"
      + " counts as empty unless both are NULL.")
  public static <T> List<T> arrayConcat(@UdfParam("left") List<T> left, @UdfParam("right") List<T> right) {
    if (left == null && right == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    if (left != null) {
      out.addAll(left);
    }
    if (right != null) {
      out.addAll(right);
    }
    return out;
  }

  @Udf(name = "ARRAY_JOIN", category = ARRAY, description = "The elements as text joined with commas.")
  public static <T> String arrayJoin(@UdfParam("array") List<T> array) {
    return arrayJoin(array, ",");
  }

  @Udf(name = "ARRAY_JOIN", category = ARRAY, description = "The elements as text joined with a delimiter.")
  public static <T> String arrayJoin(@UdfParam("array") List<T> array, @UdfParam("delimiter") String delimiter) {
    if (array == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (T t : array) {
      if (t instanceof Object[] || t instanceof List || t instanceof Map
          || t instanceof org.apache.calcite.avatica.util.ByteString) {
        // as ksqlDB: only primitive elements have a text to join (a struct would print as a Java array)
        throw new IllegalArgumentException("ARRAY_JOIN cannot join elements of type "
            + t.getClass().getSimpleName());
      }
      parts.add(String.valueOf(t));
    }
    return String.join(delimiter == null ? "" : delimiter, parts);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> T extreme(List<T> array, boolean max) {
    if (array == null) {
      return null;
    }
    Comparable best = null;
    for (T t : array) {
      if (t != null && (best == null || (max ? ((Comparable) t).compareTo(best) > 0
          : ((Comparable) t).compareTo(best) < 0))) {
        best = (Comparable) t;
      }
    }
    return (T) best;
  }

  @Udf(name = "ARRAY_MAX", category = ARRAY, description = "The greatest element, NULLs ignored.")
  public static <T> T arrayMax(@UdfParam("array") List<T> array) {
    return extreme(array, true);
  }

  @Udf(name = "ARRAY_MIN", category = ARRAY, description = "The least element, NULLs ignored.")
  public static <T> T arrayMin(@UdfParam("array") List<T> array) {
    return extreme(array, false);
  }

  @Udf(name = "ARRAY_REMOVE", category = ARRAY, description = "The array without any element equal to value.")
  public static <T> List<T> arrayRemove(@UdfParam("array") List<T> array, @UdfParam("value") T value) {
    if (array == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (T t : array) {
      if (!Objects.equals(t, value)) {
        out.add(t);
      }
    }
    return out;
  }

  @Udf(name = "ARRAY_SORT", category = ARRAY, description = "The array sorted ascending, NULLs last.")
  public static <T> List<T> arraySort(@UdfParam("array") List<T> array) {
    return arraySort(array, "ASC");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Udf(name = "ARRAY_SORT", category = ARRAY, description = "The array sorted ASC (ASCENDING) or DESC"
      + " (DESCENDING), NULLs last; NULL for another direction.")
  public static <T> List<T> arraySort(@UdfParam("array") List<T> array, @UdfParam("direction") String direction) {
    if (array == null || direction == null) {
      return null;
    }
    String d = direction.toUpperCase(Locale.ROOT);
    boolean descending = d.equals("DESC") || d.equals("DESCENDING");
    if (!descending && !d.equals("ASC") && !d.equals("ASCENDING")) {
      return null;
    }
    Comparator<Comparable> order = Comparator.naturalOrder();
    if (descending) {
      order = order.reversed();
    }
    List<T> out = new ArrayList<>(array);
    out.sort((Comparator) Comparator.nullsLast(order));
    return out;
  }

  @Udf(name = "SLICE", category = ARRAY, description = "The elements from 1-based position from to to,"
      + " inclusive; NULL when out of range.")
  public static <T> List<T> slice(@UdfParam("array") List<T> array, @UdfParam("from") Integer from,
      @UdfParam("to") Integer to) {
    if (array == null) {
      return null;
    }
    int start = from == null ? 0 : from - 1;
    int end = to == null ? array.size() : to;
    if (start < 0 || end > array.size() || start > end) {
      return null;
    }
    return new ArrayList<>(array.subList(start, end));
  }

  @Udf(name = "GENERATE_SERIES", category = ARRAY, description = "The INTs from start to end inclusive.")
  public static List<Integer> generateSeries(@UdfParam("start") Integer start, @UdfParam("end") Integer end) {
    return generateSeries(start, end, end == null || start == null || end >= start ? 1 : -1);
  }

  @Udf(name = "GENERATE_SERIES", category = ARRAY, description = "The INTs from start to end inclusive, by step.")
  public static List<Integer> generateSeries(@UdfParam("start") Integer start, @UdfParam("end") Integer end,
      @UdfParam("step") Integer step) {
    if (start == null || end == null || step == null) {
      return null;
    }
    if (step == 0 || (end > start && step < 0) || (end < start && step > 0)) {
      throw new IllegalArgumentException("GENERATE_SERIES step has the wrong sign or is zero");
    }
    List<Integer> out = new ArrayList<>();
    for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
      out.add((int) i);
    }
    return out;
  }

  @Udf(name = "GENERATE_SERIES", category = ARRAY, description = "The BIGINTs from start to end inclusive.")
  public static List<Long> generateSeries(@UdfParam("start") Long start, @UdfParam("end") Long end) {
    return generateSeries(start, end, end == null || start == null || end >= start ? 1L : -1L);
  }

  @Udf(name = "GENERATE_SERIES", category = ARRAY,
      description = "The BIGINTs from start to end inclusive, by step.")
  public static List<Long> generateSeries(@UdfParam("start") Long start, @UdfParam("end") Long end,
      @UdfParam("step") Long step) {
    if (start == null || end == null || step == null) {
      return null;
    }
    if (step == 0 || (end > start && step < 0) || (end < start && step > 0)) {
      throw new IllegalArgumentException("GENERATE_SERIES step has the wrong sign or is zero");
    }
    List<Long> out = new ArrayList<>();
    for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
      out.add(i);
      if (step > 0 ? i > Long.MAX_VALUE - step : i < Long.MIN_VALUE - step) {
        break;
      }
    }
    return out;
  }

  @Udf(name = "MAP_KEYS", category = MAP, description = "The keys of a map.")
  public static <K, V> List<K> mapKeys(@UdfParam("map") Map<K, V> map) {
    return map == null ? null : new ArrayList<>(map.keySet());
  }

  @Udf(name = "MAP_VALUES", category = MAP, description = "The values of a map.")
  public static <K, V> List<V> mapValues(@UdfParam("map") Map<K, V> map) {
    return map == null ? null : new ArrayList<>(map.values());
  }

  @Udf(name = "MAP_UNION", category = MAP, description = "The entries of both maps; right wins on equal keys.")
  public static <K, V> Map<K, V> mapUnion(@UdfParam("left") Map<K, V> left, @UdfParam("right") Map<K, V> right) {
    if (left == null && right == null) {
      return null;
    }
    Map<K, V> out = new LinkedHashMap<>();
    if (left != null) {
      out.putAll(left);
    }
    if (right != null) {
      out.putAll(right);
    }
    return out;
  }

  @Udf(name = "AS_MAP", category = MAP, description = "A map of keys to the values at the same position.")
  public static <V> Map<String, V> asMap(@UdfParam("keys") List<String> keys, @UdfParam("values") List<V> values) {
    if (keys == null || values == null) {
      return null;
    }
    Map<String, V> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size() && i < values.size(); i++) {
      out.put(keys.get(i), values.get(i));
    }
    return out;
  }

  @Udf(name = "ENTRIES", category = MAP, returnTypeMethod = "entriesType", description = "The entries of a"
      + " map as an array of STRUCT<K, V>, sorted by key when sorted is TRUE, else in the map's order.")
  public static <V> List<Object[]> entries(@UdfParam("map") Map<String, V> map,
      @UdfParam("sorted") Boolean sorted) {
    if (map == null) {
      return null;
    }
    List<Object[]> out = new ArrayList<>(map.size());
    map.forEach((k, v) -> out.add(new Object[] {k, v}));
    if (Boolean.TRUE.equals(sorted)) {
      out.sort(Comparator.comparing(e -> (String) e[0], Comparator.nullsFirst(Comparator.naturalOrder())));
    }
    return out;
  }

  /** ENTRIES gives ARRAY<STRUCT<K STRING, V the map's value type>>. */
  public static RelDataType entriesType(RelDataTypeFactory tf, List<RelDataType> args) {
    RelDataType map = args.get(0);
    RelDataType value = map.getSqlTypeName() == SqlTypeName.MAP ? map.getValueType()
        : tf.createSqlType(SqlTypeName.NULL);
    RelDataType entry = tf.createStructType(List.of(
        tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.VARCHAR), true),
        tf.createTypeWithNullability(value, true)), List.of("K", "V"));
    return tf.createArrayType(tf.createTypeWithNullability(entry, true), -1);
  }
}
