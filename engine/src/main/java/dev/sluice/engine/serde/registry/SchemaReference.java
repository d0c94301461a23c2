package dev.sluice.engine.serde.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A schema that another schema imports, as the Confluent API names it: a PROTOBUF {@code import "x.proto"} or
 * an Avro / JSON schema's named type, registered under its own subject.
 *
 * @param name the name the referring schema uses (the import path of a .proto file)
 * @param subject the subject the referenced schema is registered under
 * @param version its version in that subject
 */
public record SchemaReference(@JsonProperty("name") String name, @JsonProperty("subject") String subject,
    @JsonProperty("version") int version) {}
