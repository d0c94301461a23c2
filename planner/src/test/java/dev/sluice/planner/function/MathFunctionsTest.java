package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link MathFunctions}: NULLs, overflow, rounding of halves and huge values, NaN. */
class MathFunctionsTest {

  @Test
  @Covers("ABS")
  void absOfTheSmallestIntegerOverflowsInsteadOfStayingNegative() {
    assertThat(MathFunctions.abs(-5)).isEqualTo(5);
    assertThat(MathFunctions.abs(-5L)).isEqualTo(5L);
    assertThat(MathFunctions.abs(-0.0)).isEqualTo(0.0);
    assertThat(MathFunctions.abs(new BigDecimal("-1.50"))).isEqualTo(new BigDecimal("1.50"));
    assertThat(MathFunctions.abs((Integer) null)).isNull();
    assertThat(MathFunctions.abs((BigDecimal) null)).isNull();
    // thrown, so the runtime gives NULL and a processing-log entry rather than a negative "absolute value"
    assertThatThrownBy(() -> MathFunctions.abs(Integer.MIN_VALUE)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> MathFunctions.abs(Long.MIN_VALUE)).isInstanceOf(ArithmeticException.class);
    assertThat(MathFunctions.abs(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  @Covers({"CEIL", "FLOOR"})
  void ceilAndFloorKeepIntegersAndTheDecimalScale() {
    assertThat(MathFunctions.ceil(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThat(MathFunctions.floor(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    assertThat(MathFunctions.ceil(-1.5)).isEqualTo(-1.0);
    assertThat(MathFunctions.floor(-1.5)).isEqualTo(-2.0);
    assertThat(MathFunctions.ceil(Double.NaN)).isNaN();
    assertThat(MathFunctions.ceil(new BigDecimal("-1.5"))).isEqualTo(new BigDecimal("-1.0"));
    assertThat(MathFunctions.floor(new BigDecimal("-1.5"))).isEqualTo(new BigDecimal("-2.0"));
    assertThat(MathFunctions.floor(new BigDecimal("9.99"))).isEqualTo(new BigDecimal("9.00"));
    assertThat(MathFunctions.ceil((Double) null)).isNull();
    assertThat(MathFunctions.floor((BigDecimal) null)).isNull();
  }

  @Test
  @Covers("ROUND")
  void roundTakesHalvesTowardsPositiveInfinityAsKsqlDb() {
    assertThat(MathFunctions.round(1.5)).isEqualTo(2L);
    assertThat(MathFunctions.round(-1.5)).isEqualTo(-1L);
    assertThat(MathFunctions.round(-1.51)).isEqualTo(-2L);
    assertThat(MathFunctions.round(-2.345, 2)).isEqualTo(-2.34);
    assertThat(MathFunctions.round(2.345, 2)).isEqualTo(2.35);
    assertThat(MathFunctions.round(1.245, 2)).isEqualTo(1.25); // decimal digits of the double, not binary
    assertThat(MathFunctions.round(new BigDecimal("1.25"), 1)).isEqualTo(new BigDecimal("1.30"));
    assertThat(MathFunctions.round(1234.5, -2)).isEqualTo(1200.0);
    assertThat(MathFunctions.round(new BigDecimal("-1.5"))).isEqualTo(new BigDecimal("-1"));
    assertThat(MathFunctions.round(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("2"));
    assertThat(MathFunctions.round(new BigDecimal("-12.345"), 2)).isEqualTo(new BigDecimal("-12.340"));
    assertThat(MathFunctions.round(new BigDecimal("15.5"), -1)).isEqualTo(new BigDecimal("20.0"));
    assertThat(MathFunctions.round(7)).isEqualTo(7);
    assertThat(MathFunctions.round((Double) null)).isNull();
    assertThat(MathFunctions.round(1.5, null)).isNull();
    assertThat(MathFunctions.round((BigDecimal) null, 1)).isNull();
  }

  @Test
  @Covers({"ROUND", "TRUNC"})
  void roundingAValuePastBigintIsNullNotAWrappedNumber() {
    assertThat(MathFunctions.round(1e300)).isNull();
    assertThat(MathFunctions.round(-1e19)).isNull();
    assertThat(MathFunctions.round(Double.NaN)).isNull();
    assertThat(MathFunctions.round(Double.POSITIVE_INFINITY)).isNull();
    assertThat(MathFunctions.round(-0x1p63)).isEqualTo(Long.MIN_VALUE);
    assertThat(MathFunctions.round(9.007199254740993E15)).isEqualTo(9_007_199_254_740_992L);
    assertThat(MathFunctions.round(Double.NaN, 2)).isNaN();
    assertThat(MathFunctions.round(1e300, 2)).isEqualTo(1e300);
    assertThat(MathFunctions.trunc(-1.7)).isEqualTo(-1L);
    assertThat(MathFunctions.trunc(1e19)).isNull();
    assertThat(MathFunctions.trunc(Double.NEGATIVE_INFINITY)).isNull();
    assertThat(MathFunctions.trunc(Double.NaN)).isNull();
    assertThat(MathFunctions.trunc(null)).isNull();
  }

  @Test
  @Covers("SIGN")
  void signOfEveryTypeAndOfNaN() {
    assertThat(MathFunctions.sign(Integer.MIN_VALUE)).isEqualTo(-1);
    assertThat(MathFunctions.sign(0L)).isZero();
    assertThat(MathFunctions.sign(-0.0)).isZero();
    assertThat(MathFunctions.sign(Double.NEGATIVE_INFINITY)).isEqualTo(-1);
    assertThat(MathFunctions.sign(Double.NaN)).isNull();
    assertThat(MathFunctions.sign(new BigDecimal("0.000"))).isZero();
    assertThat(MathFunctions.sign((Long) null)).isNull();
  }

  @Test
  @Covers({"SQRT", "CBRT", "EXP", "LN", "LOG", "POWER"})
  void outOfDomainArgumentsAreNaNOrInfinityAsInKsqlDb() {
    assertThat(MathFunctions.sqrt(-1.0)).isNaN();
    assertThat(MathFunctions.cbrt(-8.0)).isEqualTo(-2.0);
    assertThat(MathFunctions.exp(1000.0)).isInfinite();
    assertThat(MathFunctions.ln(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(MathFunctions.log(-1.0)).isNaN();
    assertThat(MathFunctions.log(13.0)).isCloseTo(2.5649493574615367, within(1e-15)); // natural, as ksqlDB
    assertThat(MathFunctions.log(2.0, 8.0)).isCloseTo(3.0, within(1e-12));
    assertThat(MathFunctions.log(1.0, 8.0)).isNaN();
    assertThat(MathFunctions.log(0.0, 8.0)).isNaN();
    assertThat(MathFunctions.log(10.0, -1.0)).isNaN();
    assertThat(MathFunctions.power(0.0, 0.0)).isEqualTo(1.0);
    assertThat(MathFunctions.power(0.0, -1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(MathFunctions.power(-8.0, 1.0 / 3)).isNaN();
    assertThat(MathFunctions.sqrt(null)).isNull();
    assertThat(MathFunctions.log(null, 2.0)).isNull();
    assertThat(MathFunctions.power(2.0, null)).isNull();
  }

  @Test
  @Covers({"SIN", "COS", "TAN", "COT", "ASIN", "ACOS", "ATAN", "ATAN2", "SINH", "COSH", "TANH", "DEGREES",
      "RADIANS"})
  void trigonometryAtItsEdges() {
    assertThat(MathFunctions.cot(0.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(MathFunctions.asin(1.1)).isNaN();
    assertThat(MathFunctions.acos(-1.0)).isEqualTo(Math.PI);
    assertThat(MathFunctions.atan2(0.0, -1.0)).isEqualTo(Math.PI);
    assertThat(MathFunctions.atan2(null, 1.0)).isNull();
    assertThat(MathFunctions.atan(Double.POSITIVE_INFINITY)).isEqualTo(Math.PI / 2);
    assertThat(MathFunctions.sinh(1000.0)).isInfinite();
    assertThat(MathFunctions.cosh(0.0)).isEqualTo(1.0);
    assertThat(MathFunctions.tanh(1000.0)).isEqualTo(1.0);
    assertThat(MathFunctions.degrees(Math.PI)).isEqualTo(180.0);
    assertThat(MathFunctions.radians(180.0)).isEqualTo(Math.PI);
    assertThat(MathFunctions.sin(Double.POSITIVE_INFINITY)).isNaN();
    for (Double d : new Double[] {MathFunctions.sin(null), MathFunctions.cos(null), MathFunctions.tan(null),
        MathFunctions.cot(null), MathFunctions.asin(null), MathFunctions.acos(null), MathFunctions.atan(null),
        MathFunctions.sinh(null), MathFunctions.cosh(null), MathFunctions.tanh(null),
        MathFunctions.degrees(null), MathFunctions.radians(null)}) {
      assertThat(d).isNull();
    }
  }

  @Test
  @Covers({"PI", "RANDOM"})
  void constantsAndRandomness() {
    assertThat(MathFunctions.pi()).isEqualTo(Math.PI);
    java.util.Set<Double> seen = new java.util.HashSet<>();
    for (int i = 0; i < 100; i++) {
      double r = MathFunctions.random();
      assertThat(r).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      seen.add(r);
    }
    assertThat(seen).hasSizeGreaterThan(90);
  }

  @Test
  @Covers("GEO_DISTANCE")
  void geoDistanceUnitsRangesAndNulls() {
    // London to Paris, about 343.5 km
    assertThat(MathFunctions.geoDistance(51.5074, -0.1278, 48.8566, 2.3522)).isCloseTo(343.5, within(1.0));
    assertThat(MathFunctions.geoDistance(51.5074, -0.1278, 48.8566, 2.3522, "miles"))
        .isCloseTo(213.5, within(1.0));
    assertThat(MathFunctions.geoDistance(10.0, 10.0, 10.0, 10.0, null)).isEqualTo(0.0);
    assertThat(MathFunctions.geoDistance(90.0, 0.0, -90.0, 0.0)).isCloseTo(Math.PI * 6371.0, within(1e-6));
    assertThat(MathFunctions.geoDistance(null, 0.0, 0.0, 0.0)).isNull();
    assertThatThrownBy(() -> MathFunctions.geoDistance(91.0, 0.0, 0.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MathFunctions.geoDistance(0.0, 0.0, 0.0, 0.0, "furlongs"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
