package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link CollectionFunctions}: NULL and empty arrays and maps, NULL elements, bad bounds. */
class CollectionFunctionsTest {
  private static final List<Integer> WITH_NULLS = Arrays.asList(3, null, 1, 3, null);

  @Test
  @Covers({"ARRAY_LENGTH", "ARRAY_CONTAINS"})
  void lengthAndContainsTreatNullElementsAsValues() {
    assertThat(CollectionFunctions.arrayLength(WITH_NULLS)).isEqualTo(5);
    assertThat(CollectionFunctions.arrayLength(List.of())).isZero();
    assertThat(CollectionFunctions.<Integer>arrayLength(null)).isNull();
    assertThat(CollectionFunctions.arrayContains(WITH_NULLS, null)).isTrue();
    assertThat(CollectionFunctions.arrayContains(List.of(1), null)).isFalse();
    assertThat(CollectionFunctions.arrayContains(List.of(), 1)).isFalse();
    assertThat(CollectionFunctions.arrayContains(null, 1)).isFalse(); // as ksqlDB: never NULL
  }

  @Test
  @Covers({"ARRAY_DISTINCT", "ARRAY_EXCEPT", "ARRAY_INTERSECT", "ARRAY_UNION"})
  void setOperationsKeepFirstSeenOrderAndOneNull() {
    assertThat(CollectionFunctions.arrayDistinct(WITH_NULLS)).containsExactly(3, null, 1);
    assertThat(CollectionFunctions.arrayDistinct(List.of())).isEmpty();
    assertThat(CollectionFunctions.<Integer>arrayDistinct(null)).isNull();
    assertThat(CollectionFunctions.arrayExcept(WITH_NULLS, List.of(1))).containsExactly(3, null);
    assertThat(CollectionFunctions.arrayExcept(WITH_NULLS, Arrays.asList((Integer) null))).containsExactly(3, 1);
    assertThat(CollectionFunctions.arrayIntersect(WITH_NULLS, Arrays.asList(null, 3, 9))).containsExactly(3, null);
    assertThat(CollectionFunctions.arrayIntersect(WITH_NULLS, List.of())).isEmpty();
    assertThat(CollectionFunctions.arrayUnion(List.of(2, 1), WITH_NULLS)).containsExactly(2, 1, 3, null);
    assertThat(CollectionFunctions.arrayExcept(null, List.of(1))).isNull();
    assertThat(CollectionFunctions.arrayIntersect(List.of(1), null)).isNull();
    assertThat(CollectionFunctions.arrayUnion(null, List.of(1))).isNull();
  }

  @Test
  @Covers({"ARRAY_CONCAT", "ARRAY_JOIN", "ARRAY_REMOVE"})
  void concatJoinAndRemove() {
    assertThat(CollectionFunctions.arrayConcat(List.of(1), null)).containsExactly(1);
    assertThat(CollectionFunctions.arrayConcat(null, WITH_NULLS)).isEqualTo(WITH_NULLS);
    assertThat(CollectionFunctions.<Integer>arrayConcat(null, null)).isNull();
    assertThat(CollectionFunctions.arrayJoin(WITH_NULLS)).isEqualTo("3,null,1,3,null");
    assertThat(CollectionFunctions.arrayJoin(List.of("a", "b"), "")).isEqualTo("ab");
    assertThat(CollectionFunctions.arrayJoin(List.of("a", "b"), null)).isEqualTo("ab");
    assertThat(CollectionFunctions.arrayJoin(List.of(), "-")).isEmpty();
    assertThat(CollectionFunctions.<String>arrayJoin(null, "-")).isNull();
    // only primitive elements have a text: a struct, array or map element fails the call (NULL, logged)
    assertThatThrownBy(() -> CollectionFunctions.arrayJoin(java.util.Collections.singletonList((Object) new Object[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectionFunctions.arrayJoin(List.of(List.of(1)), ","))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CollectionFunctions.arrayRemove(WITH_NULLS, 3)).containsExactly(null, 1, null);
    assertThat(CollectionFunctions.arrayRemove(WITH_NULLS, null)).containsExactly(3, 1, 3);
    assertThat(CollectionFunctions.arrayRemove(null, 1)).isNull();
  }

  @Test
  @Covers({"ARRAY_MAX", "ARRAY_MIN", "ARRAY_SORT"})
  void orderingIgnoresOrSortsNullsLast() {
    assertThat(CollectionFunctions.arrayMax(WITH_NULLS)).isEqualTo(3);
    assertThat(CollectionFunctions.arrayMin(WITH_NULLS)).isEqualTo(1);
    assertThat((Object) CollectionFunctions.arrayMax(Arrays.asList(null, null))).isNull();
    assertThat((Object) CollectionFunctions.arrayMin(List.of())).isNull();
    assertThat(CollectionFunctions.<String>arrayMin(null)).isNull();
    assertThat(CollectionFunctions.arrayMax(List.of("a", "B"))).isEqualTo("a");
    assertThat(CollectionFunctions.arraySort(WITH_NULLS)).containsExactly(1, 3, 3, null, null);
    assertThat(CollectionFunctions.arraySort(WITH_NULLS, "desc")).containsExactly(3, 3, 1, null, null);
    assertThat(CollectionFunctions.arraySort(WITH_NULLS, "Descending")).containsExactly(3, 3, 1, null, null);
    assertThat(CollectionFunctions.arraySort(WITH_NULLS, "ASCENDING")).containsExactly(1, 3, 3, null, null);
    assertThat(CollectionFunctions.arraySort(WITH_NULLS, "sideways")).isNull();
    assertThat(CollectionFunctions.arraySort(WITH_NULLS, null)).isNull();
    assertThat(CollectionFunctions.<Integer>arraySort(null)).isNull();
    assertThat(WITH_NULLS).containsExactly(3, null, 1, 3, null); // the argument is not sorted in place
  }

  @Test
  @Covers("SLICE")
  void sliceBoundsAreOneBasedInclusiveAndOutOfRangeIsNull() {
    List<String> abc = List.of("a", "b", "c");
    assertThat(CollectionFunctions.slice(abc, 2, 3)).containsExactly("b", "c");
    assertThat(CollectionFunctions.slice(abc, null, 1)).containsExactly("a");
    assertThat(CollectionFunctions.slice(abc, 2, null)).containsExactly("b", "c");
    assertThat(CollectionFunctions.slice(abc, 2, 1)).isEmpty();
    assertThat(CollectionFunctions.slice(abc, 0, 2)).isNull();
    assertThat(CollectionFunctions.slice(abc, -1, 2)).isNull();
    assertThat(CollectionFunctions.slice(abc, 1, 4)).isNull();
    assertThat(CollectionFunctions.slice(abc, 3, 1)).isNull();
    assertThat(CollectionFunctions.<String>slice(null, 1, 1)).isNull();
  }

  @Test
  @Covers("GENERATE_SERIES")
  void seriesBothDirectionsBadStepsAndTheEdgesOfTheirType() {
    assertThat(CollectionFunctions.generateSeries(1, 3)).containsExactly(1, 2, 3);
    assertThat(CollectionFunctions.generateSeries(3, 1)).containsExactly(3, 2, 1);
    assertThat(CollectionFunctions.generateSeries(0, 10, 4)).containsExactly(0, 4, 8);
    assertThat(CollectionFunctions.generateSeries(5, 5, -1)).containsExactly(5);
    assertThat(CollectionFunctions.generateSeries(Integer.MAX_VALUE - 1, Integer.MAX_VALUE))
        .containsExactly(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
    assertThat(CollectionFunctions.generateSeries(Long.MAX_VALUE - 1, Long.MAX_VALUE))
        .containsExactly(Long.MAX_VALUE - 1, Long.MAX_VALUE);
    assertThat(CollectionFunctions.generateSeries(Long.MIN_VALUE + 1, Long.MIN_VALUE, -5L))
        .containsExactly(Long.MIN_VALUE + 1);
    assertThat(CollectionFunctions.generateSeries(1, null)).isNull();
    assertThat(CollectionFunctions.generateSeries(1L, 2L, null)).isNull();
    assertThatThrownBy(() -> CollectionFunctions.generateSeries(1, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectionFunctions.generateSeries(1, 3, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectionFunctions.generateSeries(3L, 1L, 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Covers({"MAP_KEYS", "MAP_VALUES", "MAP_UNION", "AS_MAP", "ENTRIES"})
  void mapsWithNullValuesEmptyMapsAndNulls() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("b", null);
    m.put("a", 1);
    assertThat(CollectionFunctions.mapKeys(m)).containsExactly("b", "a");
    assertThat(CollectionFunctions.mapValues(m)).containsExactly(null, 1);
    assertThat(CollectionFunctions.mapKeys(Map.of())).isEmpty();
    assertThat(CollectionFunctions.<String, Integer>mapValues(null)).isNull();
    assertThat(CollectionFunctions.mapUnion(m, Map.of("a", 2))).containsEntry("a", 2).containsEntry("b", null);
    assertThat(CollectionFunctions.mapUnion(null, Map.of("a", 2))).isEqualTo(Map.of("a", 2));
    assertThat(CollectionFunctions.<String, Integer>mapUnion(null, null)).isNull();
    assertThat(CollectionFunctions.asMap(List.of("k", "k", "x"), Arrays.asList(1, 2))).isEqualTo(Map.of("k", 2));
    assertThat(CollectionFunctions.asMap(List.of(), List.of())).isEmpty();
    assertThat(CollectionFunctions.asMap(null, List.of(1))).isNull();
    List<Object[]> sorted = CollectionFunctions.entries(m, true);
    assertThat(sorted).extracting(e -> e[0]).containsExactly("a", "b");
    assertThat(sorted).extracting(e -> e[1]).containsExactly(1, null);
    assertThat(CollectionFunctions.entries(m, false)).extracting(e -> e[0]).containsExactly("b", "a");
    assertThat(CollectionFunctions.entries(m, null)).extracting(e -> e[0]).containsExactly("b", "a");
    assertThat(CollectionFunctions.entries(Map.of(), true)).isEmpty();
    assertThat(CollectionFunctions.<Integer>entries(null, true)).isNull();
  }
}
