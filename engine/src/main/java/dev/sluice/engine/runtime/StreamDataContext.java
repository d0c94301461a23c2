package dev.sluice.engine.runtime;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What generated code may ask of its environment. Calcite's date-time functions read the current time and
 * zone from here; a persistent query must see the time of each record's processing, in UTC, never a time
 * frozen at query start (see the architecture research, P9).
 */
public final class StreamDataContext implements DataContext {

  @Override
  public SchemaPlus getRootSchema() {
    return null;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return null;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    if (Variable.CURRENT_TIMESTAMP.camelName.equals(name) || Variable.UTC_TIMESTAMP.camelName.equals(name)
        || Variable.LOCAL_TIMESTAMP.camelName.equals(name)) {
      return System.currentTimeMillis();
    }
    if (Variable.TIME_ZONE.camelName.equals(name)) {
      return java.util.TimeZone.getTimeZone("UTC");
    }
    return null;
  }
}
