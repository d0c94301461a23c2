package dev.sluice.engine.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.catalog.PseudoColumns;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT INTO ... VALUES: one record, serialized in the source's formats and produced synchronously
 * ({@link SourceWriter}), so the statement succeeds only once the topic has the record.
 */
final class InsertValuesExecutor {
  private final EngineContext ctx;

  InsertValuesExecutor(EngineContext ctx) {
    this.ctx = ctx;
  }

  void insert(Statement.InsertValues stmt) {
    DataSource ds = ctx.metaStore.source(stmt.target()).orElseThrow(() ->
        SluiceException.statement(stmt.pos(), "Cannot insert values into an unknown stream/table: " + stmt.target()));
    if (ds.source()) {
      throw SluiceException.statement(stmt.pos(), "Cannot insert values into read-only " 
          + ds.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + ds.name());
    }
    LogicalSchema schema = ds.schema();
    List<String> headerColumns = stmt.columns().stream()
        .filter(n -> schema.find(n).map(Column::isHeader).orElse(false)).toList();
    if (!headerColumns.isEmpty()) {
      throw SluiceException.statement(stmt.pos(), "Cannot insert into HEADER columns: "
          + String.join(", ", headerColumns));
    }
    // Header columns are read from records, never written: an implicit column list leaves them out.
    List<String> columns = stmt.columns().isEmpty()
        ? schema.columns().stream().filter(c -> !c.isHeader()).map(Column::name).toList() : stmt.columns();
    if (columns.size() != stmt.values().size()) {
      throw SluiceException.statement(stmt.pos(), "Expected a value for each column. Expected Columns: "
          + columns + ". Got " + stmt.values().size() + " values.");
    }
    List<Column> keys = schema.keyColumns();
    List<Column> values = schema.valueColumns();
    Object[] keyRow = new Object[keys.size()];
    Object[] valueRow = new Object[values.size()];
    List<SqlType> types = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      Expression expr = stmt.values().get(i);
      if (name.equals(PseudoColumns.ROWPARTITION) || name.equals(PseudoColumns.ROWOFFSET)) {
        throw SluiceException.statement(expr.pos(), "Inserting into column `" + name + "` is not allowed.");
      }
      types.add(name.equals(PseudoColumns.ROWTIME) ? SqlType.BIGINT : schema.find(name).map(Column::type)
          .orElseThrow(() -> SluiceException.statement(expr.pos(), "Column name " + name + " does not exist.")));
    }
    Object[] evaluated = evaluate(stmt.values(), types, columns, ds.name());
    Long timestamp = null;
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      Object value = evaluated[i];
      if (name.equals(PseudoColumns.ROWTIME)) {
        timestamp = (Long) value;
        continue;
      }
      Column column = schema.find(name).orElseThrow();
      if (column.isKey()) {
        keyRow[keys.indexOf(column)] = value;
      } else {
        valueRow[values.indexOf(column)] = value;
      }
    }
    try {
      new SourceWriter(ctx, ds).write(keyRow, valueRow, timestamp);
    } catch (SourceWriter.EncodeException e) {
      throw SluiceException.statement(stmt.pos(), e.getMessage());
    }
  }

  /**
   * The values in the columns' types: literals converted as ksqlDB converts them (with its messages), any
   * other expression compiled and run once ({@link ValueExpressions}).
   */
  private Object[] evaluate(List<Expression> exprs, List<SqlType> types, List<String> columns, String target) {
    Object[] out = new Object[exprs.size()];
    List<Integer> computed = new ArrayList<>();
    for (int i = 0; i < exprs.size(); i++) {
      if (LiteralValues.isLiteral(exprs.get(i))) {
        out[i] = LiteralValues.coerce(exprs.get(i), types.get(i), columns.get(i));
      } else {
        computed.add(i);
      }
    }
    if (!computed.isEmpty()) {
      Object[] values = ValueExpressions.evaluate(ctx.compiler, ctx.functions,
          computed.stream().map(exprs::get).toList(), computed.stream().map(types::get).toList(),
          computed.stream().map(columns::get).toList(), target);
      for (int i = 0; i < computed.size(); i++) {
        out[computed.get(i)] = values[i];
      }
    }
    return out;
  }
}
