package dev.sluice.engine.codegen;

import dev.sluice.planner.function.Lambdas;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.tree.DeclarationStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.FunctionExpression;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.linq4j.tree.VisitorImpl;

/**
 * Builds a compiled lambda once per class instead of once per record when it reads nothing of the record:
 * {@code Lambdas.function(new Function1() {...})} around a lambda whose body uses only its parameters
 * (and constants) becomes a static field. A lambda that reads a column, or an enclosing lambda's
 * parameter, stays where it is. One instance per generated class.
 */
final class LambdaHoisting extends Shuttle {
  private final Set<String> bound;
  private final List<DeclarationStatement> fields = new ArrayList<>();

  /** @param staticFields the names of the static fields the class already has (hoisted constants) */
  LambdaHoisting(Set<String> staticFields) {
    this.bound = new HashSet<>(staticFields);
  }

  /** The static fields to declare: the hoisted lambdas, each after the ones it uses. */
  List<DeclarationStatement> fields() {
    return fields;
  }

  @Override
  public Expression visit(MethodCallExpression call, Expression target, List<Expression> args) {
    Expression visited = super.visit(call, target, args);
    if (visited instanceof MethodCallExpression m && m.method.getDeclaringClass() == Lambdas.class
        && m.expressions.size() == 1 && m.expressions.get(0) instanceof FunctionExpression<?> f && closed(f)) {
      ParameterExpression field = Expressions.parameter(Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL,
          m.getType(), "LAMBDA_" + fields.size());
      fields.add(Expressions.declare(0, field, m));
      bound.add(field.name);
      return field;
    }
    return visited;
  }

  /** Whether {@code function} names no variable but its own, ones it declares, and static fields. */
  private boolean closed(FunctionExpression<?> function) {
    Set<String> used = new HashSet<>();
    Set<String> declared = new HashSet<>(bound);
    function.accept(new VisitorImpl<Void>() {
      @Override
      public Void visit(ParameterExpression parameter) {
        used.add(parameter.name);
        return null;
      }

      @Override
      public Void visit(DeclarationStatement declaration) {
        declared.add(declaration.parameter.name);
        return super.visit(declaration);
      }

      @Override
      public Void visit(FunctionExpression f) {
        for (Object p : f.parameterList) {
          declared.add(((ParameterExpression) p).name);
        }
        return super.visit(f);
      }
    });
    used.removeAll(declared);
    return used.isEmpty();
  }
}
