package dev.sluice.engine.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Statement;
import dev.sluice.parser.ast.Type;
import dev.sluice.planner.schema.SqlType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Types created with {@code CREATE TYPE} are names for a type, resolved when a statement runs: a statement's
 * tree is rebuilt with every {@link Type.Named} replaced by the type registered under the name, so that the
 * planner and the stored plans only ever see the types themselves (as in ksqlDB, dropping or re-creating a
 * named type later changes no existing stream, table or query).
 */
final class NamedTypes {
  private static final String AST_PACKAGE = Type.class.getPackageName();

  private final Function<String, Optional<SqlType>> registered;

  NamedTypes(Function<String, Optional<SqlType>> registered) {
    this.registered = registered;
  }

  /** {@code statement} with its named types resolved; the same object when it names none. */
  Statement expand(Statement statement) {
    return (Statement) rewrite(statement);
  }

  /** {@code type} with its named types resolved. */
  Type expand(Type type) {
    return (Type) rewrite(type);
  }

  private Object rewrite(Object node) {
    if (node instanceof Type.Named named) {
      String name = named.name().toUpperCase(Locale.ROOT);
      SqlType type = registered.apply(name).orElseThrow(() ->
          SluiceException.statement(named.pos(), "Unknown type: " + name));
      return toAst(type, named.pos());
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object element : list) {
        Object rewritten = rewrite(element);
        changed |= rewritten != element;
        out.add(rewritten);
      }
      return changed ? out : list;
    }
    if (node instanceof Optional<?> optional && optional.isPresent()) {
      Object rewritten = rewrite(optional.get());
      return rewritten == optional.get() ? optional : Optional.of(rewritten);
    }
    if (node != null && node.getClass().isRecord() && node.getClass().getPackageName().equals(AST_PACKAGE)) {
      return rebuild(node);
    }
    return node;
  }

  private Object rebuild(Object record) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean changed = false;
    try {
      for (int i = 0; i < components.length; i++) {
        Object value = components[i].getAccessor().invoke(record);
        values[i] = rewrite(value);
        types[i] = components[i].getType();
        changed |= values[i] != value;
      }
      if (!changed) {
        return record;
      }
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot rebuild " + record.getClass().getSimpleName(), e);
    }
  }

  /** {@code type} written as the parser would have read it. */
  static Type toAst(SqlType type, Position pos) {
    switch (type.base()) {
      case ARRAY:
        return new Type.Array(pos, toAst(((SqlType.Array) type).element(), pos));
      case MAP:
        return new Type.Map(pos, toAst(((SqlType.Map) type).key(), pos), toAst(((SqlType.Map) type).value(), pos));
      case STRUCT:
        return new Type.Struct(pos, ((SqlType.Struct) type).fields().stream()
            .map(f -> new Type.Field(pos, f.name(), toAst(f.type(), pos))).toList());
      case DECIMAL:
        return new Type.Decimal(pos, ((SqlType.Decimal) type).precision(), ((SqlType.Decimal) type).scale());
      case INTEGER:
        return new Type.Primitive(pos, Type.PrimitiveKind.INT);
      default:
        return new Type.Primitive(pos, Type.PrimitiveKind.valueOf(type.base().name()));
    }
  }
}
