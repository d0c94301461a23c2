package dev.sluice.planner.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.Type;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Sluice's own column type, as ksqlDB defines it. It is what catalogs, physical plans and serdes speak;
 * Calcite types exist only inside the planner. Persisted as its SQL text ({@code DECIMAL(4, 2)},
 * {@code ARRAY<STRING>}, {@code STRUCT<`A` INT>}), which is also what DESCRIBE and the REST API show.
 */
public sealed interface SqlType {

  /** The base type, as ksqlDB's {@code SqlBaseType}. */
  BaseType base();

  /** The type's SQL text, parseable back by {@link #parse(String)}. */
  @JsonValue
  String sql();

  /** Whether the type is a MAP or contains one (in an array's elements or a struct's fields). */
  default boolean containsMap() {
    if (this instanceof Map) {
      return true;
    } else if (this instanceof Array a) {
      return a.element().containsMap();
    } else if (this instanceof Struct s) {
      return s.fields().stream().anyMatch(f -> f.type().containsMap());
    }
    return false;
  }

  /**
   * The type's place in ksqlDB's numeric widening, INT (0) < BIGINT (1) < DECIMAL (2) < DOUBLE (3); -1 for
   * types that are not numbers. A number widens implicitly to a type of higher rank.
   */
  default int numericRank() {
    switch (base()) {
      case INTEGER:
        return 0;
      case BIGINT:
        return 1;
      case DECIMAL:
        return 2;
      case DOUBLE:
        return 3;
      default:
        return -1;
    }
  }

  /** The base types of the dialect. */
  enum BaseType {
    BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL, STRING, BYTES, DATE, TIME, TIMESTAMP, ARRAY, MAP, STRUCT
  }

  SqlType BOOLEAN = new Primitive(BaseType.BOOLEAN);
  SqlType INTEGER = new Primitive(BaseType.INTEGER);
  SqlType BIGINT = new Primitive(BaseType.BIGINT);
  SqlType DOUBLE = new Primitive(BaseType.DOUBLE);
  SqlType STRING = new Primitive(BaseType.STRING);
  SqlType BYTES = new Primitive(BaseType.BYTES);
  SqlType DATE = new Primitive(BaseType.DATE);
  SqlType TIME = new Primitive(BaseType.TIME);
  SqlType TIMESTAMP = new Primitive(BaseType.TIMESTAMP);

  /** A type without parameters. */
  record Primitive(BaseType base) implements SqlType {
    @Override
    public String sql() {
      return base.name();
    }
  }

  /** DECIMAL(precision, scale), precision up to 38. */
  record Decimal(int precision, int scale) implements SqlType {
    @Override
    public BaseType base() {
      return BaseType.DECIMAL;
    }

    @Override
    public String sql() {
      return "DECIMAL(" + precision + ", " + scale + ")";
    }
  }

  /** ARRAY&lt;element&gt;. */
  record Array(SqlType element) implements SqlType {
    @Override
    public BaseType base() {
      return BaseType.ARRAY;
    }

    @Override
    public String sql() {
      return "ARRAY<" + element.sql() + ">";
    }
  }

  /** MAP&lt;key, value&gt;. */
  record Map(SqlType key, SqlType value) implements SqlType {
    @Override
    public BaseType base() {
      return BaseType.MAP;
    }

    @Override
    public String sql() {
      return "MAP<" + key.sql() + ", " + value.sql() + ">";
    }
  }

  /** STRUCT&lt;name type, ...&gt;, fields in declaration order. */
  record Struct(List<Field> fields) implements SqlType {
    public Struct {
      fields = List.copyOf(fields);
    }

    @Override
    public BaseType base() {
      return BaseType.STRUCT;
    }

    @Override
    public String sql() {
      return fields.stream().map(f -> "`" + f.name() + "` " + f.type().sql())
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }
  }

  /** A named field of a struct. */
  record Field(String name, SqlType type) {}

  /** Reads the SQL text of a type, as persisted in plans and the command log. */
  @JsonCreator
  static SqlType parse(String sql) {
    return fromAst(SqlParser.parseType(sql));
  }

  /** Maps a type as written in SQL to this model. Named types must have been resolved by the caller. */
  static SqlType fromAst(Type type) {
    if (type instanceof Type.Primitive p) {
      return switch (p.kind()) {
        case BOOLEAN -> BOOLEAN;
        case INT -> INTEGER;
        case BIGINT -> BIGINT;
        case DOUBLE -> DOUBLE;
        case STRING -> STRING;
        case BYTES -> BYTES;
        case DATE -> DATE;
        case TIME -> TIME;
        case TIMESTAMP -> TIMESTAMP;
      };
    } else if (type instanceof Type.Decimal d) {
      return new Decimal(d.precision(), d.scale());
    } else if (type instanceof Type.Array a) {
      return new Array(fromAst(a.element()));
    } else if (type instanceof Type.Map m) {
      return new Map(fromAst(m.key()), fromAst(m.value()));
    } else if (type instanceof Type.Struct s) {
      return new Struct(s.fields().stream().map(f -> new Field(f.name(), fromAst(f.type()))).toList());
    }
    throw new IllegalArgumentException("Unknown type: " + ((Type.Named) type).name().toUpperCase(Locale.ROOT));
  }
}
