package dev.sluice.engine.exec;

import dev.sluice.engine.api.RowInserter;
import dev.sluice.engine.serde.RowCodec;
import dev.sluice.engine.serde.SerdeFactory;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.catalog.PseudoColumns;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of {@code /inserts-stream} into one stream (ksqlDB's KLIP-15 inserts): each JSON object is read
 * against the stream's key and value columns plus {@code ROWTIME} in one pass ({@link SerdeFactory#insertRowReader},
 * ksqlDB's coercions of inserted values), split into key and value rows and written by the same
 * {@link SourceWriter} as {@code INSERT INTO ... VALUES}. The reader and the serdes are built once, when the
 * stream is opened, which is also when the target is checked, with ksqlDB's messages.
 */
public final class StreamInserter implements RowInserter {

  private final DataSource source;
  private final RowCodec reader;
  private final SourceWriter writer;
  private final int keyCount;
  private final int valueCount;

  private StreamInserter(EngineContext ctx, DataSource source) {
    this.source = source;
    List<Column> keys = source.schema().keyColumns();
    List<Column> values = source.schema().valueColumns();
    List<Column> columns = new ArrayList<>(keys);
    columns.addAll(values);
    // TIMESTAMP rather than BIGINT: ROWTIME takes epoch milliseconds and ISO-8601 text alike.
    columns.add(new Column(PseudoColumns.ROWTIME, SqlType.TIMESTAMP, Column.Namespace.VALUE));
    this.keyCount = keys.size();
    this.valueCount = values.size();
    this.reader = SerdeFactory.insertRowReader(columns);
    try {
      this.writer = new SourceWriter(ctx, source);
    } catch (SourceWriter.EncodeException e) {
      throw new SluiceException(ErrorCode.BAD_REQUEST, e.getMessage());
    }
  }

  /**
   * Opens the inserts into {@code target}: a stream's name, matched exactly, else in upper case (the name is
   * case-insensitive, as in ksqlDB's API).
   *
   * @throws SluiceException with {@link ErrorCode#BAD_REQUEST} when there is no such stream, or it is a
   *     table, a windowed or a read-only (SOURCE) stream
   */
  public static StreamInserter open(EngineContext ctx, String target) {
    DataSource ds = ctx.metaStore.source(target)
        .or(() -> ctx.metaStore.source(target.toUpperCase(Locale.ROOT)))
        .orElseThrow(() -> badRequest("Cannot insert values into an unknown stream: " + target));
    if (!ds.isStream()) {
      throw badRequest("Cannot insert into a table");
    }
    if (ds.isWindowed()) {
      throw badRequest("Cannot insert values into windowed stream");
    }
    if (ds.source()) {
      throw badRequest("Cannot insert values into read-only stream: " + ds.name());
    }
    return new StreamInserter(ctx, ds);
  }

  @Override
  public String target() {
    return source.name();
  }

  @Override
  public java.util.concurrent.CompletableFuture<Void> insert(byte[] json) {
    Object[] row;
    try {
      row = reader.decode(source.topic(), json);
    } catch (RuntimeException e) {
      throw badRequest("Failed to insert values into '" + source.name() + "'. " + e.getMessage());
    }
    if (row == null) {
      throw badRequest("Failed to insert values into '" + source.name() + "'. A row must be a JSON object");
    }
    Object[] key = new Object[keyCount];
    Object[] value = new Object[valueCount];
    System.arraycopy(row, 0, key, 0, keyCount);
    System.arraycopy(row, keyCount, value, 0, valueCount);
    try {
      return writer.writeAsync(key, value, (Long) row[keyCount + valueCount]);
    } catch (SourceWriter.EncodeException e) {
      throw badRequest(e.getMessage());
    }
  }

  private static SluiceException badRequest(String message) {
    return new SluiceException(ErrorCode.BAD_REQUEST, message);
  }
}
