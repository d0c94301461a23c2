package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link TableFunctions}: NULL and empty inputs, NULL elements, size limits. */
class TableFunctionsTest {

  @Test
  @Covers("EXPLODE")
  void explodeKeepsNullElementsAndGivesNoRowsForNullOrEmpty() {
    assertThat(TableFunctions.explode(Arrays.asList(1, null, 1))).containsExactly(1, null, 1);
    assertThat(TableFunctions.explode(List.of())).isEmpty();
    assertThat(TableFunctions.<Integer>explode(null)).isNull();
    List<BigDecimal> decimals = List.of(new BigDecimal("1.50"));
    assertThat(TableFunctions.explodeDecimal(decimals)).containsExactly(new BigDecimal("1.50"));
    assertThat(TableFunctions.explodeDecimal(null)).isNull();
  }

  @Test
  @Covers("CUBE_EXPLODE")
  void cubeExplodeGivesEveryCombinationOnceAllNullFirst() {
    assertThat(TableFunctions.cubeExplode(List.of("a", "b"))).containsExactly(
        Arrays.asList(null, null), Arrays.asList(null, "b"), Arrays.asList("a", null), List.of("a", "b"));
    // a NULL column only gives the combinations where it is NULL: no duplicate rows
    assertThat(TableFunctions.cubeExplode(Arrays.asList("a", null))).containsExactly(
        Arrays.asList(null, null), Arrays.asList("a", null));
    assertThat(TableFunctions.cubeExplode(Arrays.asList(null, null))).containsExactly(Arrays.asList(null, null));
    assertThat(TableFunctions.cubeExplode(List.of())).containsExactly(List.of());
    assertThat(TableFunctions.<String>cubeExplode(null)).isNull();
    assertThatThrownBy(() -> TableFunctions.cubeExplode(Collections.nCopies(31, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
