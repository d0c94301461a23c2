package dev.sluice.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.metastore.PersistentQueryInfo;
import dev.sluice.engine.serde.InternalFormat;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.plan.StreamSource;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A started query records the format of its internal topics and stores, and a record from before that
 * choice existed still reads, as JSON: a restarted server must read the state its queries wrote.
 */
class QueryFormatCommandJsonTest {

  private static Command.StartQuery start() {
    LogicalSchema schema = LogicalSchema.builder().key("K", SqlType.STRING).value("V", SqlType.BIGINT).build();
    Formats formats = new Formats("KAFKA", "JSON", Map.of());
    StreamSink plan = new StreamSink("Sink", new StreamSource("Source", "IN", "in", formats, schema, schema,
        Optional.empty()), "OUT", formats, schema, Optional.empty());
    return new Command.StartQuery("CREATE STREAM OUT AS SELECT * FROM IN;", null,
        new PersistentQueryInfo("CSAS_OUT_1", "CREATE STREAM OUT AS SELECT * FROM IN;", List.of("IN"), "OUT", "OUT",
            plan));
  }

  @Test
  void newQueriesUseBinaryRowsAndSayWhere() throws Exception {
    Command.StartQuery command = start();
    assertThat(command.query().internalFormat()).isEqualTo(InternalFormat.BINARY);
    String json = PlanJson.MAPPER.writeValueAsString(command);
    assertThat(json).contains("\"internalFormat\":\"BINARY\"");
    assertThat(PlanJson.MAPPER.readValue(json, Command.class)).isEqualTo(command);
  }

  @Test
  void aQueryRecordedBeforeTheChoiceKeepsJson() throws Exception {
    ObjectNode json = (ObjectNode) PlanJson.MAPPER.valueToTree(start());
    ((ObjectNode) json.get("query")).remove("internalFormat");
    Command.StartQuery old = (Command.StartQuery) PlanJson.MAPPER.treeToValue(json, Command.class);
    assertThat(old.query().internalFormat()).isNull();
    assertThat(InternalFormat.orLegacy(old.query().internalFormat())).isEqualTo(InternalFormat.JSON);
  }
}
