package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import org.junit.jupiter.api.Test;

class WideningTest {

  @Test
  void stringLiteralsReadAsDatesTimesAndTimestamps() {
    assertEquals(19157, Widening.toDate("2022-06-14"));
    assertEquals(19144, Widening.toDate("2022-06"));
    assertEquals(18993, Widening.toDate("2022"));
    assertEquals(33360000, Widening.toTime("09:16"));
    assertEquals(33360123, Widening.toTime("09:16:00.123"));
    assertEquals(1655164800000L, Widening.toTimestamp("2022-06-14"));
    assertEquals(1655198160000L, Widening.toTimestamp("2022-06-14T09:16"));
    assertEquals(1655194560000L, Widening.toTimestamp("2022-06-14T09:16+01:00"));
    assertEquals(1655198160500L, Widening.toTimestamp("2022-06-14T09:16:00.500Z"));
  }

  @Test
  void textThatIsNoDateFails() {
    assertThrows(RuntimeException.class, () -> Widening.toDate("June"));
    assertThrows(DateTimeException.class, () -> Widening.toTime("25:00"));
  }
}
