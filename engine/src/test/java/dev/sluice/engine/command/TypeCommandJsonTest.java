package dev.sluice.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.planner.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named types travel through the command topic: what is written must read back identically. */
class TypeCommandJsonTest {

  @Test
  void createAndDropTypeRoundTrip() throws Exception {
    SqlType person = new SqlType.Struct(List.of(new SqlType.Field("NAME", SqlType.STRING),
        new SqlType.Field("HOME", new SqlType.Struct(List.of(new SqlType.Field("ZIP", SqlType.INTEGER)))),
        new SqlType.Field("BALANCE", new SqlType.Decimal(10, 2))));
    Command create = new Command.CreateType("CREATE TYPE PERSON AS ...;", "PERSON", person);
    Command drop = new Command.DropType("DROP TYPE PERSON;", "PERSON");

    String json = PlanJson.MAPPER.writeValueAsString(create);
    assertThat(json).contains("\"@type\":\"createTypeV1\"")
        .contains("STRUCT<`NAME` STRING, `HOME` STRUCT<`ZIP` INTEGER>, `BALANCE` DECIMAL(10, 2)>");
    assertThat(PlanJson.MAPPER.readValue(json, Command.class)).isEqualTo(create);
    assertThat(PlanJson.MAPPER.readValue(PlanJson.MAPPER.writeValueAsString(drop), Command.class)).isEqualTo(drop);
  }
}
