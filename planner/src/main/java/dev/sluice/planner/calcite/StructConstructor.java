package dev.sluice.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code STRUCT(name := value, ...)}: Calcite's ROW constructor with the field names the user gave (Calcite's
 * own ROW names its fields {@code EXPR$n}). One instance per call, since the names are part of the
 * operator. Code generation treats it as ROW (see the engine's {@code CalcRewrites}).
 */
public final class StructConstructor extends SqlSpecialOperator {
  private final List<String> fieldNames;

  public StructConstructor(List<String> fieldNames) {
    super("STRUCT", SqlKind.ROW, 90, false, null, StructConstructor::inferFields, OperandTypes.VARIADIC);
    this.fieldNames = List.copyOf(fieldNames);
  }

  /**
   * A NULL field gets the type of the field the enclosing expression expects, as Calcite's
   * {@code InferTypes.RETURN_TYPE} does, but only when that struct has as many fields: an ARRAY or MAP
   * constructor infers the type of its first element for every element, and structs of different shapes
   * meet there before they are merged (see {@link CollectionConstructors}).
   */
  private static void inferFields(org.apache.calcite.sql.SqlCallBinding binding, RelDataType returnType,
      RelDataType[] operandTypes) {
    boolean fits = returnType != null && returnType.isStruct() && returnType.getFieldCount() == operandTypes.length;
    for (int i = 0; i < operandTypes.length; i++) {
      operandTypes[i] = fits ? returnType.getFieldList().get(i).getType() : binding.getValidator().getUnknownType();
    }
  }

  public List<String> fieldNames() {
    return fieldNames;
  }

  @Override
  public SqlSyntax getSyntax() {
    return SqlSyntax.FUNCTION;
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    List<RelDataType> types = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      RelDataType type = binding.getOperandType(i);
      types.add(binding.getTypeFactory().createTypeWithNullability(type, true));
    }
    return binding.getTypeFactory().createTypeWithNullability(
        binding.getTypeFactory().createStructType(types, fieldNames), true);
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    return validateOperands(validator, scope, call);
  }

  @Override
  public boolean requiresDecimalExpansion() {
    return false;
  }
}
