package dev.sluice.engine.serde.registry;

import java.util.List;

/**
 * A schema as the registry holds it.
 *
 * @param id the global id that records carry in their Confluent wire-format header
 * @param type {@code AVRO}, {@code PROTOBUF} or {@code JSON} (a missing type in the registry's answer is AVRO)
 * @param schema the schema text: Avro or JSON Schema as JSON, PROTOBUF as .proto text
 * @param references the schemas it imports, possibly empty
 * @param subject the subject it was looked up under, or null when looked up by id
 * @param version its version in that subject, or -1 when looked up by id
 */
public record RegisteredSchema(int id, String type, String schema, List<SchemaReference> references,
    String subject, int version) {

  public RegisteredSchema {
    type = type == null || type.isEmpty() ? "AVRO" : type;
    references = references == null ? List.of() : List.copyOf(references);
  }
}
