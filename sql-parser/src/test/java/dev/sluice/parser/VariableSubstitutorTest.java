package dev.sluice.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableSubstitutorTest {

  @Test
  void substitutesOutsideAndInsideStringsButNotInNamesOrComments() {
    Map<String, String> vars = Map.of("T", "it's", "N", "orders");
    assertThat(VariableSubstitutor.substitute("SELECT * FROM ${n} WHERE x = '${t}'", vars))
        .isEqualTo("SELECT * FROM orders WHERE x = 'it''s'");
    assertThat(VariableSubstitutor.substitute("SELECT `${n}`, \"${n}\" -- ${n}\n/* ${n} */ ${N}", vars))
        .isEqualTo("SELECT `${n}`, \"${n}\" -- ${n}\n/* ${n} */ orders");
    assertThat(VariableSubstitutor.substitute("SELECT '${unknown}', ${unknown}", vars))
        .isEqualTo("SELECT '${unknown}', ${unknown}");
    assertThat(VariableSubstitutor.substitute("'a''${n}'", vars)).isEqualTo("'a''orders'");
  }
}
