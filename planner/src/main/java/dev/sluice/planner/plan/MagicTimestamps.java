package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.BinaryOperator;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Query;
import dev.sluice.planner.catalog.PseudoColumns;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * ksqlDB's "magic" timestamps: in WHERE, a string literal compared with ROWTIME, WINDOWSTART or WINDOWEND
 * (all BIGINT epoch millis) is read as a timestamp, {@code ROWTIME > '2020-02-10T08:31:44.001+0000'}, and
 * replaced by its millis before planning. The text may be partial (missing parts are the earliest: a date
 * alone is midnight) and may end with a zone, {@code Z} or an offset; without one it is UTC.
 */
final class MagicTimestamps {
  private static final Set<BinaryOperator> COMPARISONS = Set.of(BinaryOperator.EQUAL, BinaryOperator.NOT_EQUAL,
      BinaryOperator.LESS_THAN, BinaryOperator.LESS_THAN_OR_EQUAL, BinaryOperator.GREATER_THAN,
      BinaryOperator.GREATER_THAN_OR_EQUAL);
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private MagicTimestamps() {}

  /** {@code query} with the string timestamps of its WHERE clause replaced by their millis. */
  static Query rewrite(Query query) {
    if (query.where().isEmpty()) {
      return query;
    }
    Expression where = ExpressionTrees.rewrite(query.where().get(), MagicTimestamps::rewriteNode);
    return where == query.where().get() ? query : new Query(query.pos(), query.select(), query.from(),
        query.window(), Optional.of(where), query.groupBy(), query.partitionBy(), query.having(), query.emit(),
        query.limit());
  }

  private static Expression rewriteNode(Expression e) {
    if (e instanceof Expression.Binary b && COMPARISONS.contains(b.op())) {
      if (isTimeColumn(b.left()) && b.right() instanceof Expression.StringLiteral s) {
        return new Expression.Binary(b.pos(), b.op(), b.left(), millis(s));
      }
      if (isTimeColumn(b.right()) && b.left() instanceof Expression.StringLiteral s) {
        return new Expression.Binary(b.pos(), b.op(), millis(s), b.right());
      }
    }
    if (e instanceof Expression.Between b && isTimeColumn(b.operand())) {
      Expression low = b.low() instanceof Expression.StringLiteral s ? millis(s) : b.low();
      Expression high = b.high() instanceof Expression.StringLiteral s ? millis(s) : b.high();
      if (low != b.low() || high != b.high()) {
        return new Expression.Between(b.pos(), b.operand(), low, high, b.negated());
      }
    }
    return e;
  }

  private static boolean isTimeColumn(Expression e) {
    return e instanceof Expression.ColumnRef ref && (ref.name().equals(PseudoColumns.ROWTIME)
        || PseudoColumns.isWindowBound(ref.name()));
  }

  private static Expression millis(Expression.StringLiteral s) {
    try {
      return new Expression.IntegerLiteral(s.pos(), parse(s.value()));
    } catch (RuntimeException e) {
      throw SluiceException.statement(s.pos(), "Failed to parse timestamp '" + s.value() + "': " + e.getMessage()
          + "\nPartial timestamps are accepted, e.g. '2020-05-26T23:59', with an optional time zone, e.g."
          + " '2020-05-26T23:59Z' or '2020-05-26T23:59+0200'.");
    }
  }

  /** Epoch millis of a partial timestamp such as {@code 2020-02}, {@code 2020-02-10T08:31+0100}. */
  static long parse(String text) {
    String date;
    String time;
    String zone;
    int t = text.indexOf('T');
    if (t >= 0) {
      date = text.substring(0, t);
      String rest = text.substring(t + 1);
      zone = zoneSuffix(rest);
      time = rest.substring(0, rest.length() - zone.length());
    } else {
      date = text;
      time = "";
      zone = "";
    }
    LocalDateTime local = LocalDateTime.parse(completeDate(date) + "T" + completeTime(time), FORMAT);
    ZoneId id = zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone);
    return local.atZone(id).toInstant().toEpochMilli();
  }

  private static String zoneSuffix(String time) {
    for (int i = 0; i < time.length(); i++) {
      char c = time.charAt(i);
      if (c == '+' || c == '-' || c == 'Z') {
        return time.substring(i);
      }
    }
    return "";
  }

  private static String completeDate(String date) {
    String[] parts = date.split("-");
    return switch (parts.length) {
      case 1 -> date + "-01-01";
      case 2 -> date + "-01";
      default -> date;
    };
  }

  private static String completeTime(String time) {
    String[] parts = time.isEmpty() ? new String[0] : time.split(":");
    return switch (parts.length) {
      case 0 -> "00:00:00.000";
      case 1 -> time + ":00:00.000";
      case 2 -> time + ":00.000";
      default -> time.contains(".") ? (time + "00").substring(0, time.indexOf('.') + 4) : time + ".000";
    };
  }
}
