package dev.sluice.planner.plan;

import java.util.Map;

/** The key and value formats of a topic, with their options ({@code VALUE_DELIMITER} ...). */
public record Formats(String keyFormat, String valueFormat, Map<String, String> properties) {
  public Formats {
    properties = Map.copyOf(properties);
  }
}
