package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.cli.command.CliCommands;
import dev.sluice.cli.render.EntityRenderers;
import dev.sluice.cli.render.Json;
import dev.sluice.cli.rest.KsqlRestException;
import dev.sluice.cli.rest.ServerUnreachableException;
import java.util.regex.Pattern;

/**
 * Routes one statement to where it runs: client-side statements ({@code DEFINE}, {@code SET}, ...) to
 * their command, {@code SELECT} and {@code PRINT} to {@code /query-stream} through {@link QueryRunner},
 * everything else to {@code /ksql}, whose entities are printed by the {@link EntityRenderers}.
 */
public final class StatementExecutor {
  private static final Pattern QUERY = Pattern.compile("(?:select|print)\\b.*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final CliSession session;
  private final CliCommands commands;
  private final QueryRunner queries;
  private final EntityRenderers renderers = new EntityRenderers();

  public StatementExecutor(CliSession session, CliCommands commands) {
    this.session = session;
    this.commands = commands;
    this.queries = new QueryRunner(session);
  }

  /** Whether the statement streams its result ({@code SELECT ...} or {@code PRINT ...}). */
  static boolean isQuery(String statement) {
    return QUERY.matcher(statement).matches();
  }

  /**
   * Runs one statement, given without its {@code ;}.
   *
   * @return false if it failed; the error has been printed
   */
  public boolean execute(String statement) {
    if (commands.isStatementCommand(statement)) {
      return commands.runStatement(statement, session);
    }
    if (isQuery(statement)) {
      return queries.run(statement + ";");
    }
    return runOnServer(statement + ";");
  }

  private boolean runOnServer(String sql) {
    JsonNode entities;
    try {
      entities = session.client().ksql(sql, session.properties(), session.variables());
    } catch (KsqlRestException e) {
      printError(session, e);
      return false;
    } catch (ServerUnreachableException e) {
      session.console().error(e.getMessage());
      return false;
    }
    if (session.output() == OutputFormat.JSON) {
      session.console().print(Json.pretty(entities));
      return true;
    }
    for (JsonNode entity : entities) {
      if (session.interactive()) {
        session.console().println("");
      }
      session.console().print(renderers.render(entity));
    }
    return true;
  }

  /** Prints a server error: its message, or its JSON body in JSON output mode. */
  static void printError(CliSession session, KsqlRestException e) {
    if (session.output() == OutputFormat.JSON && e.body() != null) {
      session.console().error(Json.pretty(e.body()).stripTrailing());
    } else {
      session.console().error(e.getMessage());
    }
  }
}
