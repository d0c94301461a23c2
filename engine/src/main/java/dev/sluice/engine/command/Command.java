package dev.sluice.engine.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.schema.SqlType;

/**
 * A change to the metastore, as written to the command topic: the statement's text and its outcome,
 * already planned. Replaying commands never parses or plans again, so a query restarts with exactly the
 * plan it first ran with, whatever the planner has become since.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.CreateSource.class, name = "createSourceV1"),
    @JsonSubTypes.Type(value = Command.DropSource.class, name = "dropSourceV1"),
    @JsonSubTypes.Type(value = Command.StartQuery.class, name = "startQueryV1"),
    @JsonSubTypes.Type(value = Command.TerminateQuery.class, name = "terminateQueryV1"),
    @JsonSubTypes.Type(value = Command.PauseQuery.class, name = "pauseQueryV1"),
    @JsonSubTypes.Type(value = Command.ResumeQuery.class, name = "resumeQueryV1"),
    @JsonSubTypes.Type(value = Command.CreateType.class, name = "createTypeV1"),
    @JsonSubTypes.Type(value = Command.DropType.class, name = "dropTypeV1"),
})
public sealed interface Command {

  String statementText();

  /** Registers a stream or table (CREATE STREAM/TABLE; also the sink of a CSAS, before its query). */
  record CreateSource(String statementText, DataSource source, boolean orReplace) implements Command {}

  record DropSource(String statementText, String name) implements Command {}

  /** Starts a persistent query; its sink is registered by {@code sink} when the statement created one. */
  record StartQuery(String statementText, DataSource sink, PersistentQueryInfo query) implements Command {}

  record TerminateQuery(String statementText, String queryId) implements Command {}

  /**
   * Stops a query processing records (PAUSE) while it keeps its consumers, offsets and state. Being in the log,
   * it also makes a server that replays it start the query paused. PAUSE ALL is one command per query, as
   * TERMINATE ALL is.
   */
  record PauseQuery(String statementText, String queryId) implements Command {}

  /** Lets a paused query process again (RESUME), from the offsets where it stopped. */
  record ResumeQuery(String statementText, String queryId) implements Command {}

  /** Registers a named type (CREATE TYPE), its named parts already resolved. */
  record CreateType(String statementText, String name, SqlType type) implements Command {}

  record DropType(String statementText, String name) implements Command {}
}
