package dev.sluice.engine.exec;

import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.plan.StreamSource;
import dev.sluice.planner.plan.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * What a query creates besides its sink, for EXPLAIN: every state store (each backed by a changelog topic)
 * and every internal topic (repartitions, foreign-key subscriptions). Read off the built topology rather
 * than the plan, so that nothing Kafka Streams adds can go unlisted.
 */
final class InternalResources {
  private InternalResources() {}

  static String describe(TopologyDescription topology, ExecStep root) {
    Set<String> user = new TreeSet<>();
    userTopics(root, user);
    Set<String> stores = new TreeSet<>();
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        } else if (node instanceof TopologyDescription.Source s && s.topicSet() != null) {
          s.topicSet().stream().filter(t -> !user.contains(t)).forEach(topics::add);
        } else if (node instanceof TopologyDescription.Sink s && s.topic() != null && !user.contains(s.topic())) {
          topics.add(s.topic());
        }
      }
    }
    if (stores.isEmpty() && topics.isEmpty()) {
      return "none: the query is stateless and keeps its input's key";
    }
    List<String> lines = new ArrayList<>();
    for (String store : stores) {
      lines.add("state store " + store + ", changelog topic <application id>-" + store + "-changelog");
    }
    for (String topic : topics) {
      lines.add("internal topic <application id>-" + topic);
    }
    return String.join("\n", lines);
  }

  private static void userTopics(ExecStep step, Set<String> out) {
    if (step instanceof StreamSource s) {
      out.add(s.topic());
    } else if (step instanceof TableSource t) {
      out.add(t.topic());
    } else if (step instanceof StreamSink s) {
      out.add(s.topic());
    }
    step.inputs().forEach(input -> userTopics(input, out));
  }
}
