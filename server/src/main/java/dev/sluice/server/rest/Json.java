package dev.sluice.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.engine.api.KsqlEntity;
import java.util.List;

/**
 * The one Jackson mapper of the REST layer. Entities are written through a writer typed as
 * {@code List<KsqlEntity>} so that each element carries its {@code @type}, exactly as the engine's records
 * declare it.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final ObjectWriter ENTITIES = MAPPER.writerFor(new TypeReference<List<KsqlEntity>>() {});

  private Json() {}

  static String entities(List<KsqlEntity> entities) {
    try {
      return ENTITIES.writeValueAsString(entities);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write entities as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
