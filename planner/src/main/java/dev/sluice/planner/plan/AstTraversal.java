package dev.sluice.planner.plan;

import dev.sluice.parser.ast.Expression;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Generic traversal of the expression AST: its nodes are records, so one reflective walk over their
 * components serves every planner that rewrites expressions (joins qualify column names, aggregations
 * replace calls by columns) without a visitor method per node type to keep in step with the grammar.
 */
final class AstTraversal {
  private AstTraversal() {}

  /** The direct sub-expressions of {@code node} (WHEN clauses included), in component order. */
  static List<Object> children(Object node) {
    List<Object> out = new ArrayList<>();
    if (node == null || !node.getClass().isRecord()) {
      return out;
    }
    for (RecordComponent rc : node.getClass().getRecordComponents()) {
      Object v = get(rc, node);
      if (isNode(v)) {
        out.add(v);
      } else if (v instanceof Optional<?> o && o.isPresent() && isNode(o.get())) {
        out.add(o.get());
      } else if (v instanceof List<?> l) {
        for (Object x : l) {
          if (isNode(x)) {
            out.add(x);
          }
        }
      }
    }
    return out;
  }

  /** A copy of {@code node} with each direct sub-expression replaced by {@code f} of it. */
  static Object map(Object node, UnaryOperator<Expression> f) {
    if (node == null || !node.getClass().isRecord()) {
      return node;
    }
    RecordComponent[] rcs = node.getClass().getRecordComponents();
    Object[] args = new Object[rcs.length];
    Class<?>[] types = new Class<?>[rcs.length];
    boolean changed = false;
    for (int i = 0; i < rcs.length; i++) {
      types[i] = rcs[i].getType();
      Object v = get(rcs[i], node);
      Object n = v;
      if (v instanceof Expression x) {
        n = f.apply(x);
      } else if (v instanceof Expression.WhenClause w) {
        n = map(w, f);
      } else if (v instanceof Optional<?> o && o.isPresent() && o.get() instanceof Expression x) {
        n = Optional.of(f.apply(x));
      } else if (v instanceof List<?> l && !l.isEmpty() && isNode(l.get(0))) {
        List<Object> copy = new ArrayList<>();
        for (Object x : l) {
          copy.add(x instanceof Expression e ? f.apply(e) : map(x, f));
        }
        n = copy;
      }
      changed |= n != v;
      args[i] = n;
    }
    if (!changed) {
      return node;
    }
    try {
      return node.getClass().getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot rebuild " + node.getClass().getSimpleName(), e);
    }
  }

  private static boolean isNode(Object v) {
    return v instanceof Expression || v instanceof Expression.WhenClause;
  }

  private static Object get(RecordComponent rc, Object node) {
    try {
      rc.getAccessor().setAccessible(true);
      return rc.getAccessor().invoke(node);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
