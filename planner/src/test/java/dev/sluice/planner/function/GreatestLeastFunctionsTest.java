package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link GreatestLeastFunctions}: NULLs anywhere, every type, decimal typing. */
class GreatestLeastFunctionsTest {

  @Test
  @Covers({"GREATEST", "LEAST"})
  void nullsAreIgnoredWhereverTheyAre() {
    assertThat(GreatestLeastFunctions.greatest((Integer) null, 3, null, 7)).isEqualTo(7);
    assertThat(GreatestLeastFunctions.least((Integer) null, 3, null, 7)).isEqualTo(3);
    assertThat(GreatestLeastFunctions.greatest((Long) null, (Long) null)).isNull();
    assertThat(GreatestLeastFunctions.least((String) null)).isNull();
    assertThat(GreatestLeastFunctions.greatest(Integer.MIN_VALUE, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThat(GreatestLeastFunctions.least(Long.MIN_VALUE, 0L)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  @Covers({"GREATEST", "LEAST"})
  void everyComparableType() {
    assertThat(GreatestLeastFunctions.greatest(-0.0, 0.0)).isEqualTo(0.0);
    assertThat(GreatestLeastFunctions.greatest(1.0, Double.NaN)).isNaN(); // NaN sorts above every number
    assertThat(GreatestLeastFunctions.least(new BigDecimal("1.50"), new BigDecimal("1.5"), new BigDecimal("-2")))
        .isEqualTo(new BigDecimal("-2"));
    assertThat(GreatestLeastFunctions.greatest("apple", "Banana", "")).isEqualTo("apple"); // by code unit
    assertThat(GreatestLeastFunctions.least("apple", "Banana", "")).isEmpty();
    assertThat(GreatestLeastFunctions.greatest(new ByteString(new byte[] {1}), new ByteString(new byte[] {1, 0})))
        .isEqualTo(new ByteString(new byte[] {1, 0}));
    assertThat(GreatestLeastFunctions.leastDate(5, -3, null)).isEqualTo(-3);
    assertThat(GreatestLeastFunctions.greatestTime(0, 86_399_999)).isEqualTo(86_399_999);
    assertThat(GreatestLeastFunctions.greatestTimestamp(-1L, null)).isEqualTo(-1L);
    assertThat(GreatestLeastFunctions.leastTimestamp(null, 10L, -10L)).isEqualTo(-10L);
    assertThat(GreatestLeastFunctions.leastTime(null, (Integer) null)).isNull();
    assertThat(GreatestLeastFunctions.greatestDate(null, 1)).isEqualTo(1);
    assertThat(GreatestLeastFunctions.least(new ByteString(new byte[0]), (ByteString) null)).isEqualTo(ByteString.EMPTY);
  }

  @Test
  @Covers({"GREATEST", "LEAST"})
  void decimalResultHoldsTheMostIntegerDigitsAndTheLargestScale() {
    RelDataTypeFactory tf = new JavaTypeFactoryImpl(dev.sluice.planner.calcite.SluiceTypeSystem.INSTANCE);
    RelDataType d92 = tf.createSqlType(SqlTypeName.DECIMAL, 9, 2);
    RelDataType d76 = tf.createSqlType(SqlTypeName.DECIMAL, 7, 6);
    RelDataType wide = GreatestLeastFunctions.widestDecimal(tf, List.of(d92, d76));
    assertThat(wide.getPrecision()).isEqualTo(13);
    assertThat(wide.getScale()).isEqualTo(6);
    RelDataType withBigint = GreatestLeastFunctions.widestDecimal(tf, List.of(d76, tf.createSqlType(SqlTypeName.BIGINT)));
    assertThat(withBigint.getPrecision()).isEqualTo(25);
    RelDataType capped = GreatestLeastFunctions.widestDecimal(tf,
        List.of(tf.createSqlType(SqlTypeName.DECIMAL, 38, 0), tf.createSqlType(SqlTypeName.DECIMAL, 38, 37)));
    assertThat(capped.getPrecision()).isEqualTo(tf.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL));
  }
}
