package dev.sluice.engine.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One element of the JSON array that {@code POST /ksql} returns, in ksqlDB's shapes: each serializes with
 * its {@code @type}, the {@code statementText} it answers and {@code warnings}. Jackson writes these records
 * as they are, so the field names here are the wire format.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Entities.CommandStatusEntity.class, name = "currentStatus"),
    @JsonSubTypes.Type(value = Entities.StreamsList.class, name = "streams"),
    @JsonSubTypes.Type(value = Entities.TablesList.class, name = "tables"),
    @JsonSubTypes.Type(value = Entities.QueriesList.class, name = "queries"),
    @JsonSubTypes.Type(value = Entities.SourceDescriptionEntity.class, name = "sourceDescription"),
    @JsonSubTypes.Type(value = Entities.KafkaTopicsList.class, name = "kafka_topics"),
    @JsonSubTypes.Type(value = Entities.TerminateQueryEntity.class, name = "terminate_query"),
    @JsonSubTypes.Type(value = Entities.PropertiesList.class, name = "properties"),
    @JsonSubTypes.Type(value = Entities.QueryDescriptionEntity.class, name = "queryDescription"),
    @JsonSubTypes.Type(value = Entities.WarningEntity.class, name = "warning_entity"),
    @JsonSubTypes.Type(value = Entities.TypeList.class, name = "type_list"),
    @JsonSubTypes.Type(value = Entities.FunctionNameList.class, name = "function_names"),
    @JsonSubTypes.Type(value = Entities.FunctionDescriptionList.class, name = "describe_function"),
    @JsonSubTypes.Type(value = Entities.SourceDescriptionList.class, name = "source_descriptions"),
    @JsonSubTypes.Type(value = Entities.QueryDescriptionList.class, name = "query_descriptions"),
    @JsonSubTypes.Type(value = Entities.KafkaTopicsListExtended.class, name = "kafka_topics_extended"),
    @JsonSubTypes.Type(value = Entities.VariablesList.class, name = "variables"),
})
public interface KsqlEntity {
  String statementText();
}
