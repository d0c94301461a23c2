package dev.sluice.planner.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of a stream, table or intermediate result: key columns first, then value columns, as ksqlDB
 * orders them. A row of this schema is an {@code Object[]} of key values followed by value values, in
 * Calcite's internal Java representation (see DESIGN.md, "Rows").
 */
public record LogicalSchema(@JsonProperty("columns") List<Column> columns) {

  @JsonCreator
  public LogicalSchema {
    columns = List.copyOf(columns);
  }

  public List<Column> keyColumns() {
    return columns.stream().filter(Column::isKey).toList();
  }

  /** The columns of the record value: neither key nor header columns. */
  public List<Column> valueColumns() {
    return columns.stream().filter(c -> c.namespace() == Column.Namespace.VALUE).toList();
  }

  /** The columns read from the record's headers. */
  public List<Column> headerColumns() {
    return columns.stream().filter(Column::isHeader).toList();
  }

  public Optional<Column> find(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The schema as ksqlDB prints it: {@code `ID` STRING KEY, `V` BIGINT}. */
  public String toSql() {
    return columns.stream()
        .map(c -> "`" + c.name() + "` " + c.type().sql() + c.constraintSql())
        .collect(Collectors.joining(", "));
  }

  /** Builds a schema column by column. */
  public static final class Builder {
    private final List<Column> keys = new ArrayList<>();
    private final List<Column> values = new ArrayList<>();
    private final List<Column> headers = new ArrayList<>();

    public Builder key(String name, SqlType type) {
      keys.add(new Column(name, type, Column.Namespace.KEY));
      return this;
    }

    public Builder value(String name, SqlType type) {
      values.add(new Column(name, type, Column.Namespace.VALUE));
      return this;
    }

    /** A header column: every header ({@code headerKey} empty), or the last one with that key. */
    public Builder header(String name, SqlType type, java.util.Optional<String> headerKey) {
      headers.add(new Column(name, type, Column.Namespace.HEADERS, headerKey));
      return this;
    }

    /** The columns in record order: key columns, value columns, header columns. */
    public LogicalSchema build() {
      List<Column> all = new ArrayList<>(keys);
      all.addAll(values);
      all.addAll(headers);
      return new LogicalSchema(all);
    }
  }

  public static Builder builder() {
    return new Builder();
  }
}
