package dev.sluice.planner.calcite;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The pre-validator: turns a SELECT of the dialect into a Calcite {@link SqlSelect}, built in code (Calcite's
 * parser is never used). Here {@code *} is expanded from the catalog, so pseudo-columns stay hidden, and
 * every select item gets its final name ({@code KSQL_COL_n} for unnamed expressions, as ksqlDB names them),
 * so Calcite's {@code EXPR$n} never reaches a user. Positions are carried over so that validator errors
 * point at the user's text.
 */
public final class AstToSqlNode {
  private final Catalog catalog;

  public AstToSqlNode(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The select list with the output name of each item, in order. */
  public record Converted(SqlSelect select, List<String> outputNames) {}

  public Converted convert(Query query) {
    if (!(query.from() instanceof Relation.Source source)) {
      throw SluiceException.statement(query.from().pos(), "Joins are not supported yet");
    }
    DataSource ds = catalog.source(source.name()).orElseThrow(() -> SluiceException.statement(source.pos(),
        source.name() + " does not exist."));
    SqlNode from = new SqlIdentifier(ds.name(), pos(source.pos()));
    if (source.alias().isPresent()) {
      from = SqlStdOperatorTable.AS.createCall(pos(source.pos()), from,
          new SqlIdentifier(source.alias().get(), pos(source.pos())));
    }

    List<SqlNode> items = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<SelectItem> selectItems = expandStructAll(query.select(), ds);
    ColumnNames naming = new ColumnNames(selectItems, ds.schema());
    for (SelectItem item : selectItems) {
      if (item instanceof SelectItem.AllColumns all) {
        if (all.source().isPresent() && !all.source().get().equals(source.alias().orElse(ds.name()))) {
          throw SluiceException.statement(all.pos(), "'" + all.source().get() + "' is not a valid stream/table name"
              + " or alias.");
        }
        for (Column column : ds.schema().columns()) {
          List<String> path = all.source().isPresent() ? List.of(all.source().get(), column.name())
              : List.of(column.name());
          items.add(as(new SqlIdentifier(path, pos(all.pos())), column.name(), all.pos()));
          names.add(column.name());
          naming.reserve(column.name());
        }
        continue;
      }
      if (!(item instanceof SelectItem.SingleColumn single)) {
        throw SluiceException.statement(item.pos(), "Selecting every field of a struct (->*) is not supported yet.");
      }
      String name = naming.next(single);
      if (names.contains(name)) {
        throw SluiceException.statement(single.pos(), "Duplicate value columns found in schema: `" + name + "`");
      }
      names.add(name);
      items.add(as(expression(single.expression()), name, single.pos()));
    }

    SqlNode where = query.where().map(this::expression).orElse(null);
    SqlSelect select = new SqlSelect(pos(query.pos()), null, new SqlNodeList(items, pos(query.pos())), from,
        where, null, null, null, null, null, null, null, null);
    return new Converted(select, names);
  }

  /**
   * {@code s->*} as one item per field of the struct, each named after its field, as ksqlDB expands it.
   * The base must be a column or a field of one, whose type the schema tells before validation.
   */
  private static List<SelectItem> expandStructAll(List<SelectItem> select, DataSource ds) {
    List<SelectItem> out = new ArrayList<>();
    for (SelectItem item : select) {
      if (!(item instanceof SelectItem.StructAll all)) {
        out.add(item);
        continue;
      }
      SqlType type = typeOf(all.base(), ds).orElseThrow(() -> SluiceException.statement(all.pos(),
          "Selecting every field (->*) needs a struct column or a struct field of one: "
              + dev.sluice.parser.SqlFormatter.format(all.base()).replace("`", "")));
      if (!(type instanceof SqlType.Struct struct)) {
        throw SluiceException.statement(all.pos(), "Expected STRUCT type for ->*, got " + type.sql() + ".");
      }
      for (SqlType.Field field : struct.fields()) {
        out.add(new SelectItem.SingleColumn(all.pos(), new Expression.Dereference(all.pos(), all.base(), field.name()),
            Optional.of(field.name())));
      }
    }
    return out;
  }

  private static Optional<SqlType> typeOf(Expression e, DataSource ds) {
    if (e instanceof Expression.ColumnRef ref) {
      return ds.schema().find(ref.name()).map(Column::type);
    }
    if (e instanceof Expression.Dereference d) {
      return typeOf(d.base(), ds).flatMap(t -> t instanceof SqlType.Struct s
          ? s.fields().stream().filter(f -> f.name().equals(d.field())).map(SqlType.Field::type).findFirst()
          : Optional.empty());
    }
    return Optional.empty();
  }

  private static SqlNode as(SqlNode node, String name, Position p) {
    return SqlStdOperatorTable.AS.createCall(pos(p), node, new SqlIdentifier(name, pos(p)));
  }

  /** Converts one expression of the dialect. */
  public SqlNode expression(Expression e) {
    return new ExpressionConverter().convert(e);
  }

  static SqlParserPos pos(Position p) {
    return new SqlParserPos(p.line(), p.column(), p.line(), p.column());
  }

  /** Builds the Calcite type spec of a CAST target. */
  static SqlDataTypeSpec typeSpec(SqlType type, Position p) {
    SqlParserPos pos = pos(p);
    switch (type.base()) {
      case BOOLEAN: return basic(SqlTypeName.BOOLEAN, pos);
      case INTEGER: return basic(SqlTypeName.INTEGER, pos);
      case BIGINT: return basic(SqlTypeName.BIGINT, pos);
      case DOUBLE: return basic(SqlTypeName.DOUBLE, pos);
      case STRING: return basic(SqlTypeName.VARCHAR, pos);
      case BYTES: return basic(SqlTypeName.VARBINARY, pos);
      case DATE: return basic(SqlTypeName.DATE, pos);
      case TIME: return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.TIME, 3, pos), pos);
      case TIMESTAMP: return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, pos), pos);
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) type;
        return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, d.precision(), d.scale(), pos),
            pos);
      }
      case ARRAY:
      case MAP:
      case STRUCT:
        // Element-wise casts; the engine's code generator converts each element (see its Casts).
        return new SqlDataTypeSpec(new ExpressionConverter.ComplexTypeNameSpec(type, pos), pos);
      default:
        throw SluiceException.statement(p, "CAST to " + type.sql() + " is not supported yet");
    }
  }

  private static SqlDataTypeSpec basic(SqlTypeName name, SqlParserPos pos) {
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(name, pos), pos);
  }

  static SqlNode literalOf(Expression e) {
    SqlParserPos p = pos(e.pos());
    if (e instanceof Expression.StringLiteral s) {
      return SqlLiteral.createCharString(s.value(), p);
    } else if (e instanceof Expression.IntegerLiteral i) {
      return SqlLiteral.createExactNumeric(Long.toString(i.value()), p);
    } else if (e instanceof Expression.DecimalLiteral d) {
      return SqlLiteral.createExactNumeric(d.value().toPlainString(), p);
    } else if (e instanceof Expression.DoubleLiteral d) {
      return SqlLiteral.createApproxNumeric(Double.toString(d.value()), p);
    } else if (e instanceof Expression.BooleanLiteral b) {
      return SqlLiteral.createBoolean(b.value(), p);
    } else if (e instanceof Expression.NullLiteral) {
      return SqlLiteral.createNull(p);
    }
    return null;
  }

  static SqlCase caseOf(SqlParserPos p, SqlNode value, List<SqlNode> whens, List<SqlNode> thens, SqlNode other) {
    // A simple CASE compares its operand with each WHEN value; createSwitched spells that out.
    return SqlCase.createSwitched(p, value, new SqlNodeList(whens, p), new SqlNodeList(thens, p),
        other == null ? SqlLiteral.createNull(p) : other);
  }
}
