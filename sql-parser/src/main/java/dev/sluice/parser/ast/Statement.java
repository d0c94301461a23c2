package dev.sluice.parser.ast;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One statement of a script. Properties of WITH clauses are keyed by upper-cased name in source order
 * ({@link java.util.LinkedHashMap}).
 */
public sealed interface Statement extends Node {

  /** {@code CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name [(columns)] [WITH (...)]}. */
  record CreateSource(Position pos, SourceKind kind, String name, boolean orReplace, boolean source,
      boolean ifNotExists, List<ColumnDef> columns, Map<String, Literal> properties) implements Statement {}

  /** {@code CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS SELECT ...}. */
  record CreateAsSelect(Position pos, SourceKind kind, String name, boolean orReplace, boolean ifNotExists,
      Map<String, Literal> properties, Query query) implements Statement {}

  /** {@code INSERT INTO name [WITH (...)] SELECT ...}. */
  record InsertInto(Position pos, String target, Map<String, Literal> properties, Query query)
      implements Statement {}

  /** {@code INSERT INTO name [(columns)] VALUES (...)}; {@code columns} is empty when not listed. */
  record InsertValues(Position pos, String target, List<String> columns, List<Expression> values)
      implements Statement {}

  /** A SELECT on its own: a push query when it says EMIT, a pull query otherwise. */
  record QueryStatement(Position pos, Query query) implements Statement {}

  /** {@code DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]}. */
  record DropSource(Position pos, SourceKind kind, String name, boolean ifExists, boolean deleteTopic)
      implements Statement {}

  /** {@code TERMINATE id} or {@code TERMINATE ALL} (empty id). */
  record Terminate(Position pos, Optional<String> queryId) implements Statement {}

  /** {@code PAUSE id|ALL}, {@code RESUME id|ALL}. */
  record PauseResume(Position pos, boolean pause, Optional<String> queryId) implements Statement {}

  /** {@code SHOW|LIST ... [EXTENDED]}. */
  record ListStatement(Position pos, ListKind what, boolean extended) implements Statement {}

  /** What a SHOW/LIST statement lists. */
  enum ListKind {
    STREAMS, TABLES, QUERIES, TOPICS, ALL_TOPICS, FUNCTIONS, PROPERTIES, TYPES, VARIABLES
  }

  /** {@code DESCRIBE name [EXTENDED]}; also {@code DESCRIBE STREAMS|TABLES [EXTENDED]} with {@code name} empty. */
  record Describe(Position pos, Optional<String> name, Optional<SourceKind> all, boolean extended)
      implements Statement {}

  /** {@code DESCRIBE FUNCTION name}. */
  record DescribeFunction(Position pos, String name) implements Statement {}

  /** {@code EXPLAIN statement} or {@code EXPLAIN queryId}. */
  record Explain(Position pos, Optional<Statement> statement, Optional<String> queryId) implements Statement {}

  /** {@code SET 'name'='value'}. */
  record SetProperty(Position pos, String name, String value) implements Statement {}

  /** {@code UNSET 'name'}. */
  record UnsetProperty(Position pos, String name) implements Statement {}

  /** {@code DEFINE name = 'value'}. */
  record DefineVariable(Position pos, String name, String value) implements Statement {}

  /** {@code UNDEFINE name}. */
  record UndefineVariable(Position pos, String name) implements Statement {}

  /** {@code CREATE TYPE [IF NOT EXISTS] name AS type}. */
  record CreateType(Position pos, String name, boolean ifNotExists, Type type) implements Statement {}

  /** {@code DROP TYPE [IF EXISTS] name}. */
  record DropType(Position pos, String name, boolean ifExists) implements Statement {}

  /** {@code ALTER STREAM|TABLE name ADD [COLUMN] col type, ...}. */
  record AlterSource(Position pos, SourceKind kind, String name, List<ColumnDef> columns) implements Statement {}

  /** {@code PRINT topic [FROM BEGINNING] [INTERVAL n] [LIMIT n]}. */
  record Print(Position pos, String topic, boolean fromBeginning, Optional<Integer> interval,
      Optional<Integer> limit) implements Statement {}

  /** {@code RUN SCRIPT 'file'}. */
  record RunScript(Position pos, String file) implements Statement {}

  /** {@code ALTER SYSTEM 'name'='value'}: a cluster-wide property. */
  record AlterSystemProperty(Position pos, String name, String value) implements Statement {}

  /**
   * {@code CREATE SOURCE|SINK CONNECTOR [IF NOT EXISTS] name WITH (...)}. Unlike source properties, the
   * connector's configuration keys are Kafka Connect keys and keep their case when written as strings.
   */
  record CreateConnector(Position pos, boolean source, String name, boolean ifNotExists,
      Map<String, Literal> properties) implements Statement {}

  /** {@code DROP CONNECTOR [IF EXISTS] name}. */
  record DropConnector(Position pos, String name, boolean ifExists) implements Statement {}

  /** {@code DESCRIBE CONNECTOR name}. */
  record DescribeConnector(Position pos, String name) implements Statement {}

  /** {@code SHOW|LIST [SOURCE|SINK] CONNECTORS}; {@code scope} is empty for all connectors. */
  record ListConnectors(Position pos, Optional<ConnectorScope> scope) implements Statement {}

  /** Which connectors a {@link ListConnectors} lists. */
  enum ConnectorScope {
    SOURCE, SINK
  }

  /** {@code SHOW|LIST CONNECTOR PLUGINS}. */
  record ListConnectorPlugins(Position pos) implements Statement {}

  /**
   * {@code ASSERT [NOT EXISTS] TOPIC name [WITH (...)] [TIMEOUT n unit]}: waits until the topic exists (or,
   * with {@code NOT EXISTS}, does not). The topic name keeps its case: Kafka topic names are case-sensitive.
   */
  record AssertTopic(Position pos, String topic, boolean exists, Map<String, Literal> properties,
      Optional<Long> timeoutMs) implements Statement {}

  /** {@code ASSERT [NOT EXISTS] SCHEMA [SUBJECT name] [ID n] [TIMEOUT n unit]}; subject keeps its case. */
  record AssertSchema(Position pos, boolean exists, Optional<String> subject, Optional<Integer> id,
      Optional<Long> timeoutMs) implements Statement {}
}
