package dev.sluice.engine.runtime;

import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.ForeignKeyTableJoin;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.JoinType;
import dev.sluice.planner.plan.StreamStreamJoin;
import dev.sluice.planner.plan.StreamTableJoin;
import dev.sluice.planner.plan.TableTableJoin;
import dev.sluice.planner.schema.Column;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.kstream.ValueJoiner;
import org.apache.kafka.streams.kstream.ValueJoinerWithKey;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Builds the Kafka Streams joins of the join steps. Rows of a primary-key join are
 * {@code [join key, left row..., right row...]}, the missing side of an outer join all nulls; rows of a
 * foreign-key join are {@code [left row..., right row...]}. Every operator, store and internal topic is named
 * after its step. Kafka Streams has no right join: it is the left join with the operands swapped.
 */
final class Joins {
  /** Internal topics and stores carry whole rows in the query's internal format. */
  private final InternalSerdes internal;

  Joins(InternalSerdes internal) {
    this.internal = internal;
  }

  /**
   * A windowed join. Keys of windowed sources ({@code windowKeys} non-null) are {@code Windowed} key rows:
   * records join when key and window are equal, and the result keeps the window.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  KStream<Object[], Object[]> streamStream(StreamStreamJoin step, KStream<Object[], Object[]> left,
      KStream<Object[], Object[]> right, Formats windowKeys) {
    int lw = step.left().schema().columns().size();
    int rw = step.right().schema().columns().size();
    KStream<Object[], Object[]> l = joinable(left, lw, step.name() + "-left");
    KStream<Object[], Object[]> r = joinable(right, rw, step.name() + "-right");
    Duration before = Duration.ofMillis(step.beforeMs());
    Duration after = Duration.ofMillis(step.afterMs());
    boolean swap = step.type() == JoinType.RIGHT;
    JoinWindows windows = windows(swap ? after : before, swap ? before : after, step.graceMs().orElse(null));
    Serde<Object[]> keySerde = windowKeys == null ? keySerde(step)
        : (Serde) WindowedKeys.serde(keySerde(step), windowKeys);
    Serde<Object[]> leftSerde = rowSerde(step.left());
    Serde<Object[]> rightSerde = rowSerde(step.right());
    switch (step.type()) {
      case INNER:
        return l.join(r, joiner(lw, rw, false), windows, streamJoined(step.name(), keySerde, leftSerde, rightSerde));
      case LEFT:
        return l.leftJoin(r, joiner(lw, rw, false), windows,
            streamJoined(step.name(), keySerde, leftSerde, rightSerde));
      case RIGHT:
        return r.leftJoin(l, joiner(lw, rw, true), windows,
            streamJoined(step.name(), keySerde, rightSerde, leftSerde));
      default:
        return l.outerJoin(r, joiner(lw, rw, false), windows,
            streamJoined(step.name(), keySerde, leftSerde, rightSerde));
    }
  }

  /**
   * ksqlDB's windows: with a GRACE PERIOD, Kafka Streams' current semantics (unmatched rows of left and outer
   * joins once the window closes); without one, the legacy windows of ksqlDB's default (24 hours of grace,
   * unmatched rows emitted at once), which users' pipelines rely on.
   */
  @SuppressWarnings("deprecation")
  private static JoinWindows windows(Duration before, Duration after, Long graceMs) {
    JoinWindows w = graceMs == null ? JoinWindows.of(before)
        : JoinWindows.ofTimeDifferenceAndGrace(before, Duration.ofMillis(graceMs));
    return w.before(before).after(after);
  }

  private static StreamJoined<Object[], Object[], Object[]> streamJoined(String name, Serde<Object[]> key,
      Serde<Object[]> thisSerde, Serde<Object[]> otherSerde) {
    return StreamJoined.with(key, thisSerde, otherSerde).withName(name).withStoreName(name + "-store");
  }

  KStream<Object[], Object[]> streamTable(StreamTableJoin step, KStream<Object[], Object[]> left,
      KTable<Object[], Object[]> right) {
    int lw = step.left().schema().columns().size();
    int rw = step.right().schema().columns().size();
    KStream<Object[], Object[]> l = joinable(left, lw, step.name() + "-left");
    Joined<Object[], Object[], Object[]> joined = Joined.with(keySerde(step), rowSerde(step.left()),
        rowSerde(step.right())).withName(step.name());
    return step.type() == JoinType.LEFT ? l.leftJoin(right, joiner(lw, rw, false), joined)
        : l.join(right, joiner(lw, rw, false), joined);
  }

  KTable<Object[], Object[]> tableTable(TableTableJoin step, KTable<Object[], Object[]> left,
      KTable<Object[], Object[]> right) {
    int lw = step.left().schema().columns().size();
    int rw = step.right().schema().columns().size();
    Named named = Named.as(step.name());
    KTable<Object[], Object[]> joined;
    switch (step.type()) {
      case INNER:
        joined = left.join(right, tableJoiner(lw, rw, false), named);
        break;
      case LEFT:
        joined = left.leftJoin(right, tableJoiner(lw, rw, false), named);
        break;
      case RIGHT:
        joined = right.leftJoin(left, tableJoiner(lw, rw, true), named);
        break;
      default:
        joined = left.outerJoin(right, tableJoiner(lw, rw, false), named);
        break;
    }
    // A table joiner does not see the key: the join-key column is filled in afterwards.
    return joined.mapValues((key, row) -> {
      if (row != null) {
        row[0] = key[0];
      }
      return row;
    }, Named.as(step.name() + "-Key"));
  }

  KTable<Object[], Object[]> foreignKey(ForeignKeyTableJoin step, KTable<Object[], Object[]> left,
      KTable<Object[], Object[]> right) {
    int lw = step.left().schema().columns().size();
    int rw = step.right().schema().columns().size();
    int fk = step.foreignKeyColumn();
    ValueJoiner<Object[], Object[], Object[]> joiner = (l, r) -> {
      Object[] row = new Object[lw + rw];
      System.arraycopy(l, 0, row, 0, lw);
      if (r != null) {
        System.arraycopy(r, 0, row, lw, rw);
      }
      return row;
    };
    java.util.function.Function<Object[], Object[]> extractor = row -> row[fk] == null ? null
        : new Object[] {row[fk]};
    List<Column> keyColumns = step.schema().keyColumns();
    Materialized<Object[], Object[], KeyValueStore<Bytes, byte[]>> store =
        Materialized.<Object[], Object[], KeyValueStore<Bytes, byte[]>>as(step.name() + "-store")
            .withKeySerde(internal.key(keyColumns))
            .withValueSerde(internal.value(values(step.schema().columns())));
    TableJoined<Object[], Object[]> named = TableJoined.as(step.name());
    // The subscription carries a hash of the left row, for which Kafka Streams needs the left rows' serde:
    // a table computed by a Calc has none until it is materialized.
    KTable<Object[], Object[]> rows = left.mapValues(row -> row, Named.as(step.name() + "-Left"),
        Materialized.<Object[], Object[], KeyValueStore<Bytes, byte[]>>as(step.name() + "-left-store")
            .withKeySerde(internal.key(step.left().schema().keyColumns()))
            .withValueSerde(rowSerde(step.left())));
    return step.type() == JoinType.LEFT ? rows.leftJoin(right, extractor, joiner, named, store)
        : rows.join(right, extractor, joiner, named, store);
  }

  /**
   * The rows a stream side contributes: tombstones have no columns to join, and a null key joins nothing,
   * as in ksqlDB.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static KStream<Object[], Object[]> joinable(KStream<Object[], Object[]> side, int width, String name) {
    KStream<Object, Object[]> keyed = (KStream) side; // keys may be Windowed at run time
    return (KStream) keyed.filter((key, row) -> joinKey(key) != null && !Tombstones.isTombstone(row, width),
        Named.as(name + "-Joinable"));
  }

  /** The join value of a record key: a key row's only column, also under a window. */
  private static Object joinKey(Object key) {
    Object[] row = key instanceof org.apache.kafka.streams.kstream.Windowed<?> w ? (Object[]) w.key() : (Object[]) key;
    return row == null || row.length == 0 ? null : row[0];
  }

  private static ValueJoinerWithKey<Object[], Object[], Object[], Object[]> joiner(int lw, int rw,
      boolean swapped) {
    // Typed Object[] for the DSL; with windowed sources the key is a Windowed at run time, hence joinKey.
    ValueJoinerWithKey<Object, Object[], Object[], Object[]> joiner = (key, a, b) -> {
      Object[] l = swapped ? b : a;
      Object[] r = swapped ? a : b;
      Object[] row = new Object[1 + lw + rw];
      row[0] = joinKey(key);
      if (l != null) {
        System.arraycopy(l, 0, row, 1, lw);
      }
      if (r != null) {
        System.arraycopy(r, 0, row, 1 + lw, rw);
      }
      return row;
    };
    @SuppressWarnings({"unchecked", "rawtypes"})
    ValueJoinerWithKey<Object[], Object[], Object[], Object[]> typed = (ValueJoinerWithKey) joiner;
    return typed;
  }

  /** A table join's: its joiner does not see the key, so the join-key column is left for {@code -Key}. */
  private static ValueJoiner<Object[], Object[], Object[]> tableJoiner(int lw, int rw, boolean swapped) {
    ValueJoinerWithKey<Object[], Object[], Object[], Object[]> joiner = joiner(lw, rw, swapped);
    return (a, b) -> joiner.apply(null, a, b);
  }

  private Serde<Object[]> keySerde(ExecStep join) {
    return internal.key(join.schema().keyColumns());
  }

  private Serde<Object[]> rowSerde(ExecStep side) {
    return internal.value(values(side.schema().columns()));
  }

  private static List<Column> values(List<Column> columns) {
    return columns.stream().map(c -> new Column(c.name(), c.type(), Column.Namespace.VALUE)).toList();
  }
}
