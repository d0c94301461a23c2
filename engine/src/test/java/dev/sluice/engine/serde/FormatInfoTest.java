package dev.sluice.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatInfoTest {

  @Test
  void namesAreCaseInsensitiveUnderATurkishLocale() {
    assertThat(FormatInfo.of("delimited", null).name()).isEqualTo("DELIMITED");
    assertThat(FormatInfo.of("json").format()).isEqualTo(Format.JSON);
    assertThat(FormatInfo.of("Kafka").format()).isEqualTo(Format.KAFKA);
    assertThat(FormatInfo.of("none").format()).isEqualTo(Format.NONE);
  }

  @Test
  void unknownFormatListsTheSupportedOnes() {
    assertThatThrownBy(() -> FormatInfo.of("foo", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown format: FOO. Supported formats: JSON, DELIMITED, KAFKA, NONE, AVRO, PROTOBUF, JSON_SR,"
            + " PROTOBUF_NOSR");
    assertThat(FormatInfo.of("avro").format()).isEqualTo(Format.AVRO);
  }

  @Test
  void delimiterDefaultsToCommaAndAcceptsNamesAndSingleCharacters() {
    assertThat(FormatInfo.of("DELIMITED").delimiter()).isEqualTo(',');
    assertThat(FormatInfo.of("DELIMITED", Map.of("delimiter", "|")).delimiter()).isEqualTo('|');
    assertThat(FormatInfo.of("DELIMITED", Map.of("VALUE_DELIMITER", "TAB")).delimiter()).isEqualTo('\t');
    assertThat(FormatInfo.of("DELIMITED", Map.of("delimiter", "space")).delimiter()).isEqualTo(' ');
    assertThat(FormatInfo.of("DELIMITED", Map.of("delimiter", "space")).properties())
        .isEqualTo(Map.of("delimiter", "SPACE"));
  }

  @Test
  void badDelimitersAreRejectedWithKsqlDbMessages() {
    String empty = "Delimiter cannot be empty, if you meant to have a tab or space for delimiter, please use "
        + "the special values 'TAB' or 'SPACE'\nExample valid value: ';'";
    assertThatThrownBy(() -> FormatInfo.of("DELIMITED", Map.of("delimiter", ""))).hasMessage(empty);
    assertThatThrownBy(() -> FormatInfo.of("DELIMITED", Map.of("delimiter", " "))).hasMessage(empty);
    assertThatThrownBy(() -> FormatInfo.of("DELIMITED", Map.of("delimiter", "\t"))).hasMessage(empty);
    assertThatThrownBy(() -> FormatInfo.of("DELIMITED", Map.of("delimiter", "ab")))
        .hasMessage("Invalid delimiter value: 'ab'. Delimiter must be a single character or [TAB, SPACE]\n"
            + "Example valid value: ';'");
    assertThatThrownBy(() -> FormatInfo.of("JSON", Map.of("delimiter", ";")))
        .hasMessageStartingWith("The 'JSON' format does not support a delimiter");
  }

  @Test
  void wrapSingleValueIsOptional() {
    assertThat(FormatInfo.of("JSON").wrapSingleValue()).isEmpty();
    assertThat(FormatInfo.of("JSON", Map.of("WRAP_SINGLE_VALUE", "FALSE")).wrapSingleValue())
        .contains(false);
    assertThat(FormatInfo.of("JSON").withWrapSingleValue(Optional.of(true)).wrapSingleValue()).contains(true);
    assertThatThrownBy(() -> FormatInfo.of("JSON", Map.of("wrapSingleValue", "yes")))
        .hasMessage("WRAP_SINGLE_VALUE must be true or false, got: 'yes'");
  }

  @Test
  void unknownPropertiesAreRejected() {
    Map<String, String> props = new HashMap<>();
    props.put("schema_version", "1");
    assertThatThrownBy(() -> FormatInfo.of("JSON", props))
        .hasMessage("Unknown format property: 'schema_version'. Supported: delimiter, wrapSingleValue, schemaId, "
            + "fullSchemaName, nullableRepresentation");
  }

  @Test
  void nullableRepresentationBelongsToProtobuf() {
    assertThat(FormatInfo.of("PROTOBUF", Map.of("VALUE_PROTOBUF_NULLABLE_REPRESENTATION", "optional"))
        .nullableRepresentation()).contains("OPTIONAL");
    assertThat(FormatInfo.of("PROTOBUF_NOSR", Map.of("nullableRepresentation", "WRAPPER"))
        .nullableRepresentation()).contains("WRAPPER");
    assertThatThrownBy(() -> FormatInfo.of("AVRO", Map.of("nullableRepresentation", "WRAPPER")))
        .hasMessageContaining("applies to the PROTOBUF and PROTOBUF_NOSR formats");
    assertThatThrownBy(() -> FormatInfo.of("PROTOBUF", Map.of("nullableRepresentation", "NONE")))
        .hasMessage("Invalid value for PROTOBUF_NULLABLE_REPRESENTATION: 'NONE'. Valid values are: OPTIONAL, "
            + "WRAPPER");
  }

  @Test
  void schemaOptionsBelongToTheRegistryFormats() {
    assertThat(FormatInfo.of("AVRO", Map.of("VALUE_SCHEMA_ID", "7")).schemaId()).contains(7);
    assertThat(FormatInfo.of("PROTOBUF", Map.of("KEY_SCHEMA_FULL_NAME", "a.B")).fullSchemaName()).contains("a.B");
    assertThatThrownBy(() -> FormatInfo.of("JSON", Map.of("schema_id", "1")))
        .hasMessageContaining("The 'JSON' format does not support a schema id");
    assertThatThrownBy(() -> FormatInfo.of("AVRO", Map.of("schema_id", "x")))
        .hasMessage("A schema id must be a whole number, got: 'x'");
  }

  @Test
  void roundTripsThroughJsonAsInPhysicalPlans() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    FormatInfo info = FormatInfo.of("delimited", Map.of("delimiter", "TAB"));
    String json = mapper.writeValueAsString(info);
    assertThat(json).isEqualTo("{\"name\":\"DELIMITED\",\"properties\":{\"delimiter\":\"TAB\"}}");
    assertThat(mapper.readValue(json, FormatInfo.class)).isEqualTo(info);
  }
}
