package dev.sluice.cli.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@code GET /info} says about the server: {@code {"KsqlServerInfo":{"version",...}}}. */
public record ServerInfo(String version, String kafkaClusterId, String serviceId, String status) {

  static ServerInfo fromJson(JsonNode root) {
    JsonNode info = root.path("KsqlServerInfo");
    return new ServerInfo(
        info.path("version").asText("unknown"),
        info.path("kafkaClusterId").asText(""),
        info.path("ksqlServiceId").asText(""),
        info.path("serverStatus").asText(""));
  }
}
