package dev.sluice.planner.calcite;

import dev.sluice.planner.catalog.PseudoColumns;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A stream or table as Calcite sees it: the declared columns, then the pseudo-columns, all nullable.
 * Rows never flow through it; it exists for validation and conversion only.
 */
final class SourceTable extends AbstractTable {
  private final LogicalSchema schema;
  private final boolean withPseudoColumns;
  private final boolean windowed;

  /** @param windowed whether the pseudo-columns include the window bounds WINDOWSTART and WINDOWEND */
  SourceTable(LogicalSchema schema, boolean withPseudoColumns, boolean windowed) {
    this.schema = schema;
    this.withPseudoColumns = withPseudoColumns;
    this.windowed = windowed;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    List<String> names = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    for (Column c : schema.columns()) {
      names.add(c.name());
      types.add(TypeConverter.toRel(factory, c.type()));
    }
    if (withPseudoColumns) {
      for (int i = 0; i < PseudoColumns.NAMES.size(); i++) {
        names.add(PseudoColumns.NAMES.get(i));
        types.add(TypeConverter.toRel(factory, PseudoColumns.TYPES.get(i)));
      }
      if (windowed) {
        for (String bound : PseudoColumns.WINDOW_NAMES) {
          names.add(bound);
          types.add(TypeConverter.toRel(factory, dev.sluice.planner.schema.SqlType.BIGINT));
        }
      }
    }
    return factory.createStructType(types, names);
  }
}
