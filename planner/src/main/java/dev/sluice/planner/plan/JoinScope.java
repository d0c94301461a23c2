package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.catalog.PseudoColumns;
import dev.sluice.planner.schema.Column;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The names a query over a join may use, and how they map onto the joined row. Each source of the join is
 * known by its alias (or its name); its column {@code C} becomes the joined row's column {@code ALIAS_C},
 * as ksqlDB names them. A qualified reference {@code a.c} names that column; an unqualified one must be
 * unique among the sources. Lambda parameters shadow columns.
 */
final class JoinScope {
  /** One source of the join. */
  record Alias(String name, DataSource source) {
    boolean has(String column) {
      return source.schema().find(column).isPresent() || PseudoColumns.isPseudo(column)
          || source.isWindowed() && PseudoColumns.WINDOW_NAMES.contains(column);
    }

    /** The columns {@code SELECT *} lists: keys, window bounds of a windowed source, values. */
    List<String> starColumns() {
      List<String> out = new ArrayList<>();
      source.schema().keyColumns().forEach(c -> out.add(c.name()));
      if (source.isWindowed()) {
        out.addAll(PseudoColumns.WINDOW_NAMES);
      }
      source.schema().columns().stream().filter(c -> !c.isKey()).forEach(c -> out.add(c.name()));
      return out;
    }
  }

  private final List<Alias> aliases;

  JoinScope(List<Alias> aliases) {
    this.aliases = List.copyOf(aliases);
  }

  List<Alias> aliases() {
    return aliases;
  }

  /** The joined row's column for {@code column} of {@code alias}. */
  static String column(String alias, String column) {
    return alias + "_" + column;
  }

  Optional<Alias> alias(String name) {
    return aliases.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Whether exactly one source has a column called {@code column} (pseudo-columns aside). */
  boolean unique(String column) {
    return aliases.stream().filter(a -> a.source().schema().find(column).isPresent()).count() == 1;
  }

  /**
   * The alias a reference resolves to: its qualifier, or the one source that has the column. Empty for an
   * unqualified name no source has; an error for an unknown qualified one or an ambiguous one.
   */
  Optional<Alias> resolve(Expression.ColumnRef ref, String context) {
    if (ref.qualifier().isPresent()) {
      Optional<Alias> a = alias(ref.qualifier().get());
      if (a.isEmpty() || !a.get().has(ref.name())) {
        throw SluiceException.statement(ref.pos(), context + "column '" + ref.qualifier().get() + "."
            + ref.name() + "' cannot be resolved.");
      }
      return a;
    }
    List<Alias> found = aliases.stream().filter(a -> a.has(ref.name())).toList();
    if (found.size() > 1) {
      List<String> options = found.stream().map(a -> a.name() + "." + ref.name()).toList();
      throw SluiceException.statement(ref.pos(), "Column '" + ref.name() + "' is ambiguous. Could be "
          + String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.get(options.size() - 1)
          + ".");
    }
    return found.stream().findFirst();
  }

  /** The aliases {@code e} references, in order of first reference. */
  Set<String> referencedAliases(Expression e, String context) {
    Set<String> out = new LinkedHashSet<>();
    rewrite(e, new HashSet<>(), ref -> {
      resolve(ref, context).ifPresent(a -> out.add(a.name()));
      return ref;
    });
    return out;
  }

  /**
   * {@code e} over the joined row: every column reference replaced by its joined column, or by
   * {@code extra}'s column for names the join adds (its synthetic key).
   */
  Expression qualify(Expression e, Map<String, String> extra) {
    return rewrite(e, new HashSet<>(), ref -> {
      if (ref.qualifier().isEmpty() && extra.containsKey(ref.name())) {
        return new Expression.ColumnRef(ref.pos(), Optional.empty(), extra.get(ref.name()));
      }
      Optional<Alias> a = resolve(ref, "");
      return a.<Expression>map(alias -> new Expression.ColumnRef(ref.pos(), Optional.empty(),
          column(alias.name(), ref.name()))).orElse(ref);
    });
  }

  /** {@code e} with each column reference that is not a lambda parameter replaced by {@code f} of it. */
  static Expression rewrite(Expression e, Set<String> bound,
      Function<Expression.ColumnRef, Expression> f) {
    if (e instanceof Expression.ColumnRef ref) {
      return ref.qualifier().isEmpty() && bound.contains(ref.name()) ? ref : f.apply(ref);
    }
    if (e instanceof Expression.Lambda lambda) {
      Set<String> inner = new HashSet<>(bound);
      inner.addAll(lambda.params());
      return new Expression.Lambda(lambda.pos(), lambda.params(), rewrite(lambda.body(), inner, f));
    }
    return (Expression) ExpressionTrees.map(e, child -> rewrite(child, bound, f));
  }

  /**
   * Every column of every source as ksqlDB's joined rows hold them, which {@code SELECT *} lists when the
   * query re-partitions the join: each source's value columns, its pseudo-columns, then its key columns.
   */
  List<String[]> joinedRowColumns(Optional<String> only) {
    List<String[]> out = new ArrayList<>();
    for (Alias a : aliases) {
      if (only.isPresent() && !only.get().equals(a.name())) {
        continue;
      }
      a.source().schema().columns().stream().filter(c -> !c.isKey())
          .forEach(c -> out.add(new String[] {a.name(), c.name()}));
      dev.sluice.planner.catalog.PseudoColumns.NAMES.forEach(n -> out.add(new String[] {a.name(), n}));
      a.source().schema().keyColumns().forEach(c -> out.add(new String[] {a.name(), c.name()}));
    }
    return out;
  }

  /** The declared columns of every source, in join order, as {@code SELECT *} lists them. */
  List<String[]> allColumns(Optional<String> only) {
    List<String[]> out = new ArrayList<>();
    for (Alias a : aliases) {
      if (only.isPresent() && !only.get().equals(a.name())) {
        continue;
      }
      for (String c : a.starColumns()) {
        out.add(new String[] {a.name(), c});
      }
    }
    return out;
  }
}
