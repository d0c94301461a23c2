package dev.sluice.engine.runtime;

import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.engine.processinglog.ProcessingLogger;
import dev.sluice.engine.serde.FormatInfo;
import dev.sluice.engine.serde.SerdeFactory;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.schema.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * {@link RowSerdes} over the format serdes: maps a source's WITH options ({@code KEY_DELIMITER},
 * {@code VALUE_DELIMITER}, {@code WRAP_SINGLE_VALUE}) to the options of its key or value format, and gives
 * each query's serdes that query's processing log. Format errors become statement errors.
 */
public final class FormatSerdes implements RowSerdes {
  private final ProcessingLogger processingLog;

  public FormatSerdes(ProcessingLogger processingLog) {
    this.processingLog = processingLog;
  }

  @Override
  public Serde<Object[]> key(List<Column> keyColumns, Formats formats, String queryId) {
    FormatInfo format = keyFormat(formats);
    return wrap(() -> SerdeFactory.keySerde(keyColumns, format, ProcessingLogContext.of(queryId, processingLog)));
  }

  @Override
  public Serde<Object[]> value(List<Column> valueColumns, Formats formats, String queryId) {
    FormatInfo format = valueFormat(formats);
    return wrap(() -> SerdeFactory.valueSerde(valueColumns, format, ProcessingLogContext.of(queryId, processingLog)));
  }

  public static FormatInfo keyFormat(Formats formats) {
    Map<String, String> props = new HashMap<>();
    String delimiter = formats.properties().get("KEY_DELIMITER");
    if (delimiter != null) {
      props.put(FormatInfo.DELIMITER, delimiter);
    }
    return wrap(() -> FormatInfo.of(formats.keyFormat(), props));
  }

  public static FormatInfo valueFormat(Formats formats) {
    Map<String, String> props = new HashMap<>();
    String delimiter = formats.properties().get("VALUE_DELIMITER");
    if (delimiter != null) {
      props.put(FormatInfo.DELIMITER, delimiter);
    }
    String wrap = formats.properties().get("WRAP_SINGLE_VALUE");
    if (wrap != null) {
      props.put(FormatInfo.WRAP_SINGLE_VALUE, wrap);
    }
    return wrap(() -> FormatInfo.of(formats.valueFormat(), props));
  }

  private interface Make<T> {
    T make();
  }

  private static <T> T wrap(Make<T> make) {
    try {
      return make.make();
    } catch (IllegalArgumentException e) {
      throw new SluiceException(ErrorCode.BAD_STATEMENT, e.getMessage());
    }
  }
}
