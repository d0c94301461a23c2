package dev.sluice.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The entity records of {@link KsqlEntity}, named as ksqlDB names them on the wire. */
public final class Entities {
  private Entities() {}

  /** What a statement that changes the metastore did. */
  public record CommandStatus(String status, String message, @JsonInclude(JsonInclude.Include.ALWAYS) String queryId) {
    public static CommandStatus success(String message, String queryId) {
      return new CommandStatus("SUCCESS", message, queryId);
    }
  }

  /** {@code @type: currentStatus}: the answer to CREATE, DROP, INSERT INTO ... SELECT. */
  public record CommandStatusEntity(String statementText, String commandId, CommandStatus commandStatus,
      long commandSequenceNumber, List<String> warnings) implements KsqlEntity {}

  /** A stream or table in SHOW STREAMS / SHOW TABLES. */
  public record SourceInfo(String type, String name, String topic, String keyFormat, String valueFormat,
      boolean isWindowed) {}

  public record StreamsList(String statementText, List<SourceInfo> streams, List<String> warnings)
      implements KsqlEntity {}

  public record TablesList(String statementText, List<SourceInfo> tables, List<String> warnings)
      implements KsqlEntity {}

  /** A persistent query in SHOW QUERIES. */
  public record RunningQuery(String queryString, List<String> sinks, List<String> sinkKafkaTopics, String id,
      Map<String, Integer> statusCount, String queryType, String state) {}

  public record QueriesList(String statementText, List<RunningQuery> queries, List<String> warnings)
      implements KsqlEntity {}

  /**
   * A column's type as ksqlDB describes it: the base {@code type}, {@code memberSchema} for arrays and maps,
   * {@code fields} for structs, {@code parameters} (precision, scale) for decimals.
   */
  public record FieldSchema(String type, List<FieldInfo> fields, FieldSchema memberSchema,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Integer> parameters) {}

  /** A column in DESCRIBE; {@code type} is "KEY" for key columns, absent for value columns. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldInfo(String name, FieldSchema schema, String type) {}

  /** A query that reads or writes a source, in DESCRIBE. */
  public record QueryRef(String id, String queryString, List<String> sinks, List<String> sinkKafkaTopics,
      String state) {}

  public record SourceDescription(String name, String windowType, List<QueryRef> readQueries,
      List<QueryRef> writeQueries, List<FieldInfo> fields, String type, String timestamp, String statistics,
      String errorStats, boolean extended, String keyFormat, String valueFormat, String topic, int partitions,
      int replication, String statement) {}

  public record SourceDescriptionEntity(String statementText, SourceDescription sourceDescription,
      List<String> warnings) implements KsqlEntity {}

  public record KafkaTopic(String name, List<Integer> replicaInfo) {}

  public record KafkaTopicsList(String statementText, List<KafkaTopic> topics, List<String> warnings)
      implements KsqlEntity {}

  public record TerminateQueryEntity(String statementText, String queryId, boolean wasTerminated,
      List<String> warnings) implements KsqlEntity {}

  public record Property(String name, String scope, String value) {}

  public record PropertiesList(String statementText, List<Property> properties, List<String> overwrittenProperties,
      List<String> defaultProperties, List<String> warnings) implements KsqlEntity {}

  /**
   * EXPLAIN: every stage of the plan, from the parsed statement to the Kafka Streams topology.
   * {@code queryType} is PERSISTENT for a query that writes a sink, PUSH for a SELECT, as ksqlDB says.
   */
  public record QueryDescription(String id, String statementText, String windowType, List<FieldInfo> fields,
      List<String> sources, List<String> sinks, String topology, String executionPlan, String state,
      Map<String, String> stages, String queryType) {}

  /** EXPLAIN's answer, as ksqlDB names it. */
  public record QueryDescriptionEntity(String statementText, QueryDescription queryDescription,
      List<String> warnings) implements KsqlEntity {}

  public record WarningEntity(String statementText, String message, List<String> warnings) implements KsqlEntity {}

  /** {@code @type: type_list}: SHOW TYPES, each named type's schema by name. */
  public record TypeList(String statementText, Map<String, FieldSchema> types, List<String> warnings)
      implements KsqlEntity {}

  /** One row of {@code SHOW FUNCTIONS}. */
  public record SimpleFunctionInfo(String name, String type, String category) {}

  /** {@code SHOW FUNCTIONS}: every function's name, type (SCALAR, AGGREGATE, TABLE) and category. */
  public record FunctionNameList(String statementText, List<SimpleFunctionInfo> functions, List<String> warnings)
      implements KsqlEntity {}

  /** A parameter of one overload in {@code DESCRIBE FUNCTION}. */
  public record ArgumentInfo(String name, String type, String description, boolean isVariadic) {}

  /** One overload in {@code DESCRIBE FUNCTION}. */
  public record FunctionInfo(List<ArgumentInfo> arguments, String returnType, String description,
      List<String> argumentTypes) {}

  /** {@code DESCRIBE FUNCTION name}: the function and every overload with its parameters. */
  public record FunctionDescriptionList(String statementText, String name, String description, String author,
      String version, String path, String type, List<FunctionInfo> functions, List<String> warnings)
      implements KsqlEntity {}

  /** {@code @type: source_descriptions}: SHOW STREAMS/TABLES EXTENDED and DESCRIBE STREAMS/TABLES [EXTENDED]. */
  public record SourceDescriptionList(String statementText, List<SourceDescription> sourceDescriptions,
      List<String> warnings) implements KsqlEntity {}

  /** {@code @type: query_descriptions}: SHOW QUERIES EXTENDED, each query as EXPLAIN describes it. */
  public record QueryDescriptionList(String statementText, List<QueryDescription> queryDescriptions,
      List<String> warnings) implements KsqlEntity {}

  /**
   * A topic in SHOW TOPICS EXTENDED: {@code replicaInfo} holds each partition's replica count;
   * {@code consumerCount} counts the partitions assigned to members of consumer groups (ksqlDB counts one
   * consumer per assigned partition), {@code consumerGroupCount} the groups with an assignment on the topic.
   */
  public record KafkaTopicInfoExtended(String name, List<Integer> replicaInfo, int consumerCount,
      int consumerGroupCount) {}

  /** {@code @type: kafka_topics_extended}: SHOW [ALL] TOPICS EXTENDED. */
  public record KafkaTopicsListExtended(String statementText, List<KafkaTopicInfoExtended> topics,
      List<String> warnings) implements KsqlEntity {}

  /** A session variable in SHOW VARIABLES. */
  public record Variable(String name, String value) {}

  /** {@code @type: variables}: SHOW VARIABLES, the request's session variables and those it DEFINEs. */
  public record VariablesList(String statementText, List<Variable> variables, List<String> warnings)
      implements KsqlEntity {}
}
