package dev.sluice.engine.serde;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;

/**
 * The DELIMITED format: one CSV record per Kafka record, fields in column order, an empty field for null.
 * Reading follows RFC 4180 as ksqlDB's CSV parser does (a field starting with a quote is quoted, {@code ""}
 * is an escaped quote, one trailing line break is allowed). Writing quotes exactly where ksqlDB's CSV
 * printer does, so output bytes match: a field containing the delimiter, a quote or a line break, a field
 * starting with a character up to {@code #} or ending with one up to a space, and a first field that does
 * not start with a letter or digit (so {@code -1} is written {@code "-1"} when it comes first).
 */
final class DelimitedCodec implements RowCodec {

  private final char delimiter;
  private final SqlType[] types;
  private final String[] names;
  private final boolean key;

  /**
   * @param key whether this is a key: a single null key column is written as a Kafka null
   */
  DelimitedCodec(List<Column> columns, char delimiter, boolean key) {
    this.delimiter = delimiter;
    this.key = key;
    this.types = columns.stream().map(Column::type).toArray(SqlType[]::new);
    this.names = columns.stream().map(Column::name).toArray(String[]::new);
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    if (row.length != types.length) {
      throw new SerdeException("Column count mismatch on serialization. topic: " + topic + ", expected: "
          + types.length + ", got: " + row.length);
    }
    if (key && row.length == 1 && row[0] == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(16 * row.length);
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      if (row[i] != null) {
        appendField(sb, format(types[i], row[i]), i == 0);
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> fields = CsvRecordParser.parse(text, delimiter);
    if (fields.size() != types.length) {
      throw new SerdeException("Column count mismatch on deserialization. topic: " + topic + ", expected: "
          + types.length + ", got: " + fields.size());
    }
    Object[] row = new Object[types.length];
    for (int i = 0; i < row.length; i++) {
      String f = fields.get(i);
      row[i] = f.isEmpty() ? null : parse(i, f);
    }
    return row;
  }

  private Object parse(int i, String text) {
    SqlType type = types[i];
    try {
      return switch (type.base()) {
        case BOOLEAN -> {
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException();
          }
          yield Boolean.valueOf(text.equalsIgnoreCase("true"));
        }
        case INTEGER, DATE, TIME -> Integer.parseInt(text);
        case BIGINT, TIMESTAMP -> Long.parseLong(text);
        case DOUBLE -> Double.parseDouble(text);
        case DECIMAL -> Values.fit(new BigDecimal(text), (SqlType.Decimal) type);
        case STRING -> text;
        case BYTES -> new ByteString(Base64.getDecoder().decode(text));
        default -> throw new SerdeException("The 'DELIMITED' format does not support type '" + type.base() + "'");
      };
    } catch (SerdeException e) {
      throw new SerdeException(e.getMessage() + ", column: `" + names[i] + "`");
    } catch (IllegalArgumentException e) {
      throw new SerdeException("Can't coerce string to type. targetType: " + type.sql() + ", column: `"
          + names[i] + "`");
    }
  }

  /** The text of a non-null value, locale-independent. */
  static String format(SqlType type, Object value) {
    return switch (type.base()) {
      case BOOLEAN, STRING -> value.toString();
      case INTEGER, DATE, TIME -> Integer.toString(Values.intValue(value));
      case BIGINT, TIMESTAMP -> Long.toString(Values.longValue(value));
      case DOUBLE -> Double.toString(Values.doubleValue(value));
      case DECIMAL -> Values.decimal(value, (SqlType.Decimal) type).toPlainString();
      case BYTES -> Base64.getEncoder().encodeToString(Values.bytes(value));
      default -> throw new SerdeException("The 'DELIMITED' format does not support type '"
          + type.base().name().toUpperCase(Locale.ROOT) + "'");
    };
  }

  private void appendField(StringBuilder sb, String value, boolean first) {
    if (!needsQuotes(value, first)) {
      sb.append(value);
      return;
    }
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  private boolean needsQuotes(String value, boolean first) {
    if (value.isEmpty()) {
      return first;
    }
    char c = value.charAt(0);
    if (first && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      return true;
    }
    if (c <= '#') {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == '"' || c == delimiter) {
        return true;
      }
    }
    return value.charAt(value.length() - 1) <= ' ';
  }
}
