package dev.sluice.planner.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * One step of a physical plan: what the engine turns into Kafka Streams operators. Steps are immutable,
 * free of Kafka Streams and Calcite types, and persisted as JSON with a versioned type id
 * ({@code streamCalcV1}): a running query is rebuilt from its steps, never re-planned from SQL, so a new
 * step version is added rather than an old one changed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StreamSource.class, name = "streamSourceV1"),
    @JsonSubTypes.Type(value = StreamCalc.class, name = "streamCalcV1"),
    @JsonSubTypes.Type(value = StreamSink.class, name = "streamSinkV1"),
    @JsonSubTypes.Type(value = StreamSelectKey.class, name = "streamSelectKeyV1"),
    @JsonSubTypes.Type(value = TableSource.class, name = "tableSourceV1"),
    @JsonSubTypes.Type(value = TableCalc.class, name = "tableCalcV1"),
    @JsonSubTypes.Type(value = Aggregate.class, name = "aggregateV1"),
    @JsonSubTypes.Type(value = StreamStreamJoin.class, name = "streamStreamJoinV1"),
    @JsonSubTypes.Type(value = StreamTableJoin.class, name = "streamTableJoinV1"),
    @JsonSubTypes.Type(value = TableTableJoin.class, name = "tableTableJoinV1"),
    @JsonSubTypes.Type(value = ForeignKeyTableJoin.class, name = "foreignKeyTableJoinV1"),
    @JsonSubTypes.Type(value = StreamFlatMap.class, name = "streamFlatMapV1"),
})
public sealed interface ExecStep permits StreamSource, StreamCalc, StreamSink, StreamSelectKey, TableSource,
    TableCalc, Aggregate, StreamStreamJoin, StreamTableJoin, TableTableJoin, ForeignKeyTableJoin, StreamFlatMap {

  /** The stable operator name of the step; Kafka Streams processors and topics are named after it. */
  String name();

  /** The schema of the rows the step emits, in column order. */
  LogicalSchema schema();

  /** The steps this one reads from. */
  List<ExecStep> inputs();

  <R> R accept(ExecStepVisitor<R> visitor);
}
