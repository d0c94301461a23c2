package dev.sluice.engine.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.util.List;

/**
 * The JSON format. Wrapped, a row is an object with one field per column; unwrapped (a single-column key,
 * or a single-column value with WRAP_SINGLE_VALUE=false) it is the bare column value, and a null column
 * is written as a Kafka null. The JSON literal {@code null} reads as no row.
 */
final class JsonCodec implements RowCodec {

  /** Shared by every JSON codec: thread-safe, and it pools its buffers. Parse errors never quote input. */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  /** Reads nested JSON that a STRING column keeps as text, with exact decimals. */
  static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final int columns;
  private final boolean wrapped;
  private final SqlType rowType;
  private final JsonReaders.Reader reader;
  private final JsonWriters.Writer writer;

  /**
   * @param columns the row's columns
   * @param wrapped whether the row is an object of columns; false requires exactly one column
   */
  JsonCodec(List<Column> columns, boolean wrapped) {
    this(columns, wrapped, false);
  }

  /**
   * @param temporalText whether TIMESTAMP, DATE and TIME values may also be ISO-8601 text, as in the rows of
   *     {@code /inserts-stream} ({@link SerdeFactory#insertRowReader})
   */
  JsonCodec(List<Column> columns, boolean wrapped, boolean temporalText) {
    this.columns = columns.size();
    this.wrapped = wrapped;
    if (wrapped) {
      SqlType.Struct struct = new SqlType.Struct(
          columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList());
      rowType = struct;
      reader = new JsonStructReader(struct.fields(), struct, MAPPER, temporalText);
      writer = new JsonWriters.StructWriter(struct.fields());
    } else {
      if (columns.size() != 1) {
        throw new IllegalArgumentException("An unwrapped JSON row needs exactly one column, got "
            + columns.size());
      }
      rowType = columns.get(0).type();
      reader = JsonReaders.forType(rowType, MAPPER, temporalText);
      writer = JsonWriters.forType(rowType);
    }
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    return encode(topic, row, null);
  }

  /** The JSON of {@code row} after {@code prefix} (a JSON_SR record's header), in one array; null for none. */
  byte[] encode(String topic, Object[] row, byte[] prefix) {
    checkCount(topic, row);
    if (!wrapped && row[0] == null) {
      return null;
    }
    ByteArrayBuilder out = new ByteArrayBuilder(128);
    if (prefix != null) {
      out.write(prefix);
    }
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writer.write(g, wrapped ? row : row[0]);
    } catch (IOException e) {
      throw new SerdeException(e.getMessage(), e);
    }
    return out.toByteArray();
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    return decode(topic, bytes, 0, bytes.length);
  }

  /** Decodes the {@code length} bytes at {@code offset}: the JSON payload of a JSON_SR record. */
  Object[] decode(String topic, byte[] bytes, int offset, int length) {
    try (JsonParser p = MAPPER.createParser(bytes, offset, length)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw JsonReaders.cannotConvert(p, rowType);
      }
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      return wrapped ? (Object[]) reader.read(p) : new Object[] {reader.read(p)};
    } catch (JsonProcessingException e) {
      throw new SerdeException(e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SerdeException(e.getMessage(), e);
    }
  }

  private void checkCount(String topic, Object[] row) {
    if (row.length != columns) {
      throw new SerdeException("Column count mismatch on serialization. topic: " + topic + ", expected: "
          + columns + ", got: " + row.length);
    }
  }
}
