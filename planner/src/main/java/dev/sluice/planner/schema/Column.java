package dev.sluice.planner.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * A named, typed column and where it lives in a Kafka record.
 *
 * @param headerKey for a {@code HEADER('k')} column, the header it reads; empty for a {@code HEADERS} column,
 *     which holds every header of the record
 */
public record Column(String name, SqlType type, Namespace namespace,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> headerKey) {

  /** Key columns are the record key; value columns the record value; header columns are read-only. */
  public enum Namespace {
    KEY, VALUE, HEADERS
  }

  public Column {
    headerKey = headerKey == null ? Optional.empty() : headerKey;
  }

  public Column(String name, SqlType type, Namespace namespace) {
    this(name, type, namespace, Optional.empty());
  }

  @JsonIgnore
  public boolean isKey() {
    return namespace == Namespace.KEY;
  }

  @JsonIgnore
  public boolean isHeader() {
    return namespace == Namespace.HEADERS;
  }

  /** How the column is declared after its type: {@code KEY}, {@code HEADERS}, {@code HEADER('k')}, or nothing. */
  @JsonIgnore
  public String constraintSql() {
    if (isKey()) {
      return " KEY";
    }
    if (isHeader()) {
      return headerKey.map(k -> " HEADER('" + k.replace("'", "''") + "')").orElse(" HEADERS");
    }
    return "";
  }
}
