package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one entity of a {@code /ksql} response (selected by its {@code @type}) into the text the CLI
 * prints in TABULAR mode. One implementation per entity type keeps each layout small and testable on
 * its own with exact expected text.
 */
public interface EntityRenderer {

  /** The {@code @type} values this renderer handles. */
  java.util.List<String> types();

  /** The text to print, each line ending with a newline. */
  String render(JsonNode entity);
}
