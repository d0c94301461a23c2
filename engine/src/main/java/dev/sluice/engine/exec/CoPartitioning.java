package dev.sluice.engine.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import dev.sluice.engine.env.TopicAdmin;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.StreamSelectKey;
import dev.sluice.planner.plan.StreamSource;
import dev.sluice.planner.plan.StreamStreamJoin;
import dev.sluice.planner.plan.StreamTableJoin;
import dev.sluice.planner.plan.TableSource;
import dev.sluice.planner.plan.TableTableJoin;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before a query starts, that the two sides of each primary-key join read topics with the same
 * number of partitions: a record and the rows it joins must be in the same partition number on both sides.
 * A side re-keyed by the join itself is exempt, since Kafka Streams creates its repartition topic with the
 * other side's partition count. Without this check the query would fail at start-up with Kafka Streams'
 * less helpful "topics not co-partitioned".
 */
final class CoPartitioning {
  private CoPartitioning() {}

  /** A source topic a side reads without re-partitioning, and the source it belongs to. */
  private record Read(String source, String topic) {}

  static void check(ExecStep root, TopicAdmin topics, Position pos) {
    if (root instanceof StreamStreamJoin || root instanceof StreamTableJoin || root instanceof TableTableJoin) {
      List<Read> left = reads(root.inputs().get(0));
      List<Read> right = reads(root.inputs().get(1));
      for (Read l : left) {
        for (Read r : right) {
          int lp = partitions(topics, l);
          int rp = partitions(topics, r);
          if (lp > 0 && rp > 0 && lp != rp) {
            throw SluiceException.statement(pos, "Can't join `" + l.source() + "` with `" + r.source()
                + "` since the number of partitions don't match. `" + l.source() + "` partitions = " + lp + "; `"
                + r.source() + "` partitions = " + rp + ". Please repartition either one so that the number of"
                + " partitions match, for example with CREATE STREAM ... WITH (PARTITIONS=" + Math.max(lp, rp)
                + ") AS SELECT * FROM ... PARTITION BY <its key>.");
          }
        }
      }
    }
    root.inputs().forEach(input -> check(input, topics, pos));
  }

  private static List<Read> reads(ExecStep step) {
    List<Read> out = new ArrayList<>();
    if (step instanceof StreamSelectKey) {
      return out;
    }
    if (step instanceof StreamSource s) {
      out.add(new Read(s.sourceName(), s.topic()));
    } else if (step instanceof TableSource t) {
      out.add(new Read(t.sourceName(), t.topic()));
    }
    step.inputs().forEach(input -> out.addAll(reads(input)));
    return out;
  }

  private static int partitions(TopicAdmin topics, Read read) {
    return topics.describe(read.topic()).map(TopicAdmin.TopicInfo::partitions).orElse(0);
  }
}
