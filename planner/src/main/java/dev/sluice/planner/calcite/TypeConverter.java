package dev.sluice.planner.calcite;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps Sluice's {@link SqlType} to Calcite types and back. Every Sluice column is nullable (as in ksqlDB),
 * so nullability is added on the way in and ignored on the way out.
 */
public final class TypeConverter {
  private TypeConverter() {}

  public static RelDataType toRel(RelDataTypeFactory f, SqlType type) {
    RelDataType rel;
    switch (type.base()) {
      case BOOLEAN: rel = f.createSqlType(SqlTypeName.BOOLEAN); break;
      case INTEGER: rel = f.createSqlType(SqlTypeName.INTEGER); break;
      case BIGINT: rel = f.createSqlType(SqlTypeName.BIGINT); break;
      case DOUBLE: rel = f.createSqlType(SqlTypeName.DOUBLE); break;
      case STRING: rel = f.createSqlType(SqlTypeName.VARCHAR); break;
      case BYTES: rel = f.createSqlType(SqlTypeName.VARBINARY); break;
      case DATE: rel = f.createSqlType(SqlTypeName.DATE); break;
      case TIME: rel = f.createSqlType(SqlTypeName.TIME, 3); break;
      case TIMESTAMP: rel = f.createSqlType(SqlTypeName.TIMESTAMP, 3); break;
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) type;
        rel = f.createSqlType(SqlTypeName.DECIMAL, d.precision(), d.scale());
        break;
      }
      case ARRAY:
        rel = f.createArrayType(toRel(f, ((SqlType.Array) type).element()), -1);
        break;
      case MAP: {
        SqlType.Map m = (SqlType.Map) type;
        rel = f.createMapType(toRel(f, m.key()), toRel(f, m.value()));
        break;
      }
      case STRUCT: {
        List<String> names = new ArrayList<>();
        List<RelDataType> types = new ArrayList<>();
        for (SqlType.Field field : ((SqlType.Struct) type).fields()) {
          names.add(field.name());
          types.add(toRel(f, field.type()));
        }
        rel = f.createStructType(types, names);
        break;
      }
      default:
        throw new IllegalStateException("unmapped type " + type);
    }
    return f.createTypeWithNullability(rel, true);
  }

  /** The Sluice type of a Calcite type; CHAR literals become STRING, TINYINT/SMALLINT widen to INT. */
  public static SqlType fromRel(RelDataType rel) {
    switch (rel.getSqlTypeName()) {
      case BOOLEAN: return SqlType.BOOLEAN;
      case TINYINT:
      case SMALLINT:
      case INTEGER: return SqlType.INTEGER;
      case BIGINT: return SqlType.BIGINT;
      case FLOAT:
      case REAL:
      case DOUBLE: return SqlType.DOUBLE;
      case DECIMAL: return new SqlType.Decimal(rel.getPrecision(), Math.max(rel.getScale(), 0));
      case CHAR:
      case VARCHAR: return SqlType.STRING;
      case BINARY:
      case VARBINARY: return SqlType.BYTES;
      case DATE: return SqlType.DATE;
      case TIME: return SqlType.TIME;
      case TIMESTAMP: return SqlType.TIMESTAMP;
      case ARRAY: return new SqlType.Array(fromRel(rel.getComponentType()));
      case MAP: return new SqlType.Map(fromRel(rel.getKeyType()), fromRel(rel.getValueType()));
      case ROW: {
        List<SqlType.Field> fields = new ArrayList<>();
        for (RelDataTypeField field : rel.getFieldList()) {
          fields.add(new SqlType.Field(field.getName(), fromRel(field.getType())));
        }
        return new SqlType.Struct(fields);
      }
      case NULL:
        throw new SluiceException(ErrorCode.BAD_STATEMENT,
            "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).");
      default:
        throw new SluiceException(ErrorCode.BAD_STATEMENT, "Unsupported type: " + rel.getFullTypeString());
    }
  }
}
