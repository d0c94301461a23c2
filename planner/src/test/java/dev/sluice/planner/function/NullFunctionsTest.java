package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NullFunctions} take NULLs by design: what each answers when some or all arguments are NULL. */
class NullFunctionsTest {

  @Test
  @Covers("COALESCE")
  void coalesceSkipsNullsUntilTheFirstValue() {
    assertThat(NullFunctions.coalesce(null, null, "b", "c")).isEqualTo("b");
    assertThat(NullFunctions.coalesce("a")).isEqualTo("a");
    assertThat(NullFunctions.coalesce(null, (Object) null)).isNull();
    assertThat(NullFunctions.<String>coalesce(null)).isNull();
    assertThat(NullFunctions.coalesce("", "x")).isEmpty(); // an empty string is a value
    assertThat(NullFunctions.coalesce(List.of(), List.of(1))).isEmpty();
  }

  @Test
  @Covers({"IFNULL", "NULLIF"})
  void ifnullAndNullif() {
    assertThat(NullFunctions.ifnull(null, 2)).isEqualTo(2);
    assertThat(NullFunctions.ifnull(1, 2)).isEqualTo(1);
    assertThat(NullFunctions.<Integer>ifnull(null, null)).isNull();
    assertThat(NullFunctions.nullif(1, 1)).isNull();
    assertThat(NullFunctions.nullif(1, 2)).isEqualTo(1);
    assertThat(NullFunctions.nullif(1, null)).isEqualTo(1);
    assertThat(NullFunctions.<Integer>nullif(null, 1)).isNull();
    assertThat(NullFunctions.nullif(List.of(1, 2), List.of(1, 2))).isNull(); // compared by value
    assertThat(NullFunctions.nullif("", "")).isNull();
  }

  @Test
  @Covers("AS_VALUE")
  void asValuePassesAnythingThrough() {
    assertThat(NullFunctions.asValue("k")).isEqualTo("k");
    assertThat(NullFunctions.<Object>asValue(null)).isNull();
    Object[] struct = {1, "a"};
    assertThat(NullFunctions.asValue(struct)).isSameAs(struct);
  }
}
