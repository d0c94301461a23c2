package dev.sluice.planner.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A named, typed column and where it lives in a Kafka record. */
public record Column(String name, SqlType type, Namespace namespace) {

  /** Key columns are the record key; value columns the record value; header columns are read-only. */
  public enum Namespace {
    KEY, VALUE, HEADERS
  }

  @JsonIgnore
  public boolean isKey() {
    return namespace == Namespace.KEY;
  }
}
