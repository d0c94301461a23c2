package dev.sluice.engine.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON object into an {@code Object[]} of the given fields, in field order. A JSON field fills
 * the field of the same name, else the field named as its upper-case form (an exact match wins); other
 * fields are skipped, missing fields are null, and the last of duplicate fields wins. This is ksqlDB's
 * rule: unquoted column names are upper case, so {@code "id"} fills {@code ID} but never {@code `id`}.
 * Also reads whole wrapped rows, whose fields are the columns.
 */
final class JsonStructReader implements JsonReaders.Reader {

  private static final Object UNSET = new Object();
  private final Map<String, Integer> index = new HashMap<>();
  private final JsonReaders.Reader[] readers;
  private final String[] names;
  private final SqlType type;

  JsonStructReader(List<SqlType.Field> fields, SqlType type, ObjectMapper mapper) {
    this(fields, type, mapper, false);
  }

  /** @param temporalText whether temporal fields also read ISO-8601 text ({@link JsonReaders#forType}) */
  JsonStructReader(List<SqlType.Field> fields, SqlType type, ObjectMapper mapper, boolean temporalText) {
    this.type = type;
    readers = new JsonReaders.Reader[fields.size()];
    names = new String[fields.size()];
    for (int i = 0; i < readers.length; i++) {
      names[i] = fields.get(i).name();
      readers[i] = JsonReaders.forType(fields.get(i).type(), mapper, temporalText);
      index.putIfAbsent(names[i], i);
    }
  }

  @Override
  public Object read(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonReaders.cannotConvert(p, type);
    }
    Object[] row = new Object[readers.length];
    Arrays.fill(row, UNSET);
    boolean[] byUpperCase = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      Integer i = index.get(name);
      boolean exact = i != null;
      if (!exact) {
        i = index.get(name.toUpperCase(Locale.ROOT));
        if (i == null || (row[i] != UNSET && (byUpperCase == null || !byUpperCase[i]))) {
          p.skipChildren();
          continue;
        }
      }
      try {
        row[i] = JsonReaders.readNullable(readers[i], p);
      } catch (JsonReaders.CoercionException e) {
        throw e.prepend("." + names[i]);
      }
      if (!exact || byUpperCase != null) {
        if (byUpperCase == null) {
          byUpperCase = new boolean[readers.length];
        }
        byUpperCase[i] = !exact;
      }
    }
    for (int i = 0; i < row.length; i++) {
      if (row[i] == UNSET) {
        row[i] = null;
      }
    }
    return row;
  }
}
