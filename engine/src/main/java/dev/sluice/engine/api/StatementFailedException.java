package dev.sluice.engine.api;

import dev.sluice.error.SluiceException;
import java.util.List;

/**
 * A statement of a multi-statement request failed: carries the failing statement's text and the entities
 * of the statements before it, which did take effect, so the client can tell what happened (ksqlDB's
 * {@code statement_error} with {@code statementText} and {@code entities}).
 */
public final class StatementFailedException extends SluiceException {
  private final String statementText;
  private final List<KsqlEntity> entities;

  public StatementFailedException(SluiceException error, String statementText, List<KsqlEntity> entities) {
    super(error);
    this.statementText = statementText;
    this.entities = List.copyOf(entities);
  }

  public String statementText() {
    return statementText;
  }

  public List<KsqlEntity> entities() {
    return entities;
  }
}
