package dev.sluice.planner.plan;

import dev.sluice.parser.ast.Expression;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Generic traversal of the dialect's expression AST, whose nodes are records: the direct sub-expressions of
 * a node, a search, and a rebuilding rewrite. Planners that replace calls by column references before their
 * second pass through Calcite use it, so that a new kind of expression needs no change here.
 */
final class ExpressionTrees {
  private ExpressionTrees() {}

  /** The direct sub-expressions (and CASE branches) of {@code node}, in declaration order. */
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

  /** Every node of {@code root} that {@code test} accepts, outermost first, not looking inside matches. */
  static <T> List<T> find(Object root, Class<T> type, Predicate<T> test) {
    List<T> out = new ArrayList<>();
    collect(root, type, test, out);
    return out;
  }

  private static <T> void collect(Object node, Class<T> type, Predicate<T> test, List<T> out) {
    if (type.isInstance(node) && test.test(type.cast(node))) {
      out.add(type.cast(node));
      return;
    }
    for (Object child : children(node)) {
      collect(child, type, test, out);
    }
  }

  /**
   * {@code e} rewritten top-down: where {@code f} answers a different expression, that replaces the node (and
   * is not descended into); elsewhere the children are rewritten.
   */
  static Expression rewrite(Expression e, UnaryOperator<Expression> f) {
    Expression replaced = f.apply(e);
    if (replaced != e) {
      return replaced;
    }
    return (Expression) map(e, child -> rewrite(child, f));
  }

  private static boolean isNode(Object v) {
    return v instanceof Expression || v instanceof Expression.WhenClause;
  }

  /** A copy of {@code node} with each direct sub-expression rewritten; {@code node} itself if none changed. */
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
        Expression mapped = f.apply(x);
        n = mapped == x ? v : Optional.of(mapped);
      } else if (v instanceof List<?> l && !l.isEmpty() && isNode(l.get(0))) {
        List<Object> copy = new ArrayList<>();
        boolean any = false;
        for (Object x : l) {
          Object m = x instanceof Expression e ? f.apply(e) : map(x, f);
          any |= m != x;
          copy.add(m);
        }
        n = any ? copy : v;
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

  private static Object get(RecordComponent rc, Object node) {
    try {
      rc.getAccessor().setAccessible(true);
      return rc.getAccessor().invoke(node);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
