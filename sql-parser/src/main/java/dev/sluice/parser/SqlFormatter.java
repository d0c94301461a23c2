package dev.sluice.parser;

import dev.sluice.parser.ast.ColumnDef;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Literal;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.Statement;
import dev.sluice.parser.ast.Type;
import dev.sluice.parser.ast.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prints an AST back as canonical SQL: one line, keywords upper-case, names quoted only when they must be,
 * durations in milliseconds. The guarantee, which the tests check, is that parsing the output gives the same
 * AST again (positions aside); the normalized text is what responses and the command log show.
 */
public final class SqlFormatter {
  private SqlFormatter() {}

  public static String format(Expression expression) {
    return ExpressionFormatter.format(expression);
  }

  public static String format(Type type) {
    return ExpressionFormatter.type(type);
  }

  public static String format(Statement statement) {
    if (statement instanceof Statement.QueryStatement s) {
      return query(s.query());
    }
    if (statement instanceof Statement.CreateSource s) {
      return "CREATE " + (s.orReplace() ? "OR REPLACE " : "") + (s.source() ? "SOURCE " : "")
          + s.kind() + " " + (s.ifNotExists() ? "IF NOT EXISTS " : "") + name(s.name())
          + (s.columns().isEmpty() ? "" : " (" + join(s.columns(), SqlFormatter::column) + ")")
          + properties(s.properties());
    }
    if (statement instanceof Statement.CreateAsSelect s) {
      return "CREATE " + (s.orReplace() ? "OR REPLACE " : "") + s.kind() + " "
          + (s.ifNotExists() ? "IF NOT EXISTS " : "") + name(s.name()) + properties(s.properties())
          + " AS " + query(s.query());
    }
    if (statement instanceof Statement.InsertInto s) {
      return "INSERT INTO " + name(s.target()) + properties(s.properties()) + " "
          + query(s.query());
    }
    if (statement instanceof Statement.InsertValues s) {
      return "INSERT INTO " + name(s.target())
          + (s.columns().isEmpty() ? "" : " (" + join(s.columns(), SqlFormatter::name) + ")")
          + " VALUES (" + join(s.values(), ExpressionFormatter::format) + ")";
    }
    if (statement instanceof Statement.DropSource s) {
      return "DROP " + s.kind() + (s.ifExists() ? " IF EXISTS " : " ") + name(s.name())
          + (s.deleteTopic() ? " DELETE TOPIC" : "");
    }
    if (statement instanceof Statement.Terminate s) {
      return "TERMINATE " + s.queryId().map(SqlFormatter::name).orElse("ALL");
    }
    if (statement instanceof Statement.PauseResume s) {
      return (s.pause() ? "PAUSE " : "RESUME ") + s.queryId().map(SqlFormatter::name).orElse("ALL");
    }
    if (statement instanceof Statement.ListStatement s) {
      return "SHOW " + (s.what() == Statement.ListKind.ALL_TOPICS ? "ALL TOPICS" : s.what().name())
          + (s.extended() ? " EXTENDED" : "");
    }
    if (statement instanceof Statement.Describe s) {
      return "DESCRIBE " + s.name().map(SqlFormatter::name)
        .orElseGet(() -> s.all().orElseThrow() + "S") + (s.extended() ? " EXTENDED" : "");
    }
    if (statement instanceof Statement.DescribeFunction s) {
      return "DESCRIBE FUNCTION " + name(s.name());
    }
    if (statement instanceof Statement.Explain s) {
      return "EXPLAIN " + s.statement().map(SqlFormatter::format)
        .orElseGet(() -> name(s.queryId().orElseThrow()));
    }
    if (statement instanceof Statement.SetProperty s) {
      return "SET " + string(s.name()) + "=" + string(s.value());
    }
    if (statement instanceof Statement.UnsetProperty s) {
      return "UNSET " + string(s.name());
    }
    if (statement instanceof Statement.DefineVariable s) {
      return "DEFINE " + name(s.name()) + " = " + string(s.value());
    }
    if (statement instanceof Statement.UndefineVariable s) {
      return "UNDEFINE " + name(s.name());
    }
    if (statement instanceof Statement.CreateType s) {
      return "CREATE TYPE " + (s.ifNotExists() ? "IF NOT EXISTS " : "") + name(s.name())
          + " AS " + format(s.type());
    }
    if (statement instanceof Statement.DropType s) {
      return "DROP TYPE " + (s.ifExists() ? "IF EXISTS " : "") + name(s.name());
    }
    if (statement instanceof Statement.AlterSource s) {
      return "ALTER " + s.kind() + " " + name(s.name()) + " "
          + join(s.columns(), c -> "ADD COLUMN " + name(c.name()) + " " + format(c.type()));
    }
    if (statement instanceof Statement.Print s) {
      return "PRINT " + string(s.topic()) + (s.fromBeginning() ? " FROM BEGINNING" : "")
          + s.interval().map(i -> " INTERVAL " + i).orElse("") + s.limit().map(l -> " LIMIT " + l).orElse("");
    }
    if (statement instanceof Statement.RunScript s) {
      return "RUN SCRIPT " + string(s.file());
    }
    if (statement instanceof Statement.AlterSystemProperty s) {
      return "ALTER SYSTEM " + string(s.name()) + "=" + string(s.value());
    }
    if (statement instanceof Statement.CreateConnector s) {
      return "CREATE " + (s.source() ? "SOURCE" : "SINK") + " CONNECTOR "
          + (s.ifNotExists() ? "IF NOT EXISTS " : "") + name(s.name()) + connectorProperties(s.properties());
    }
    if (statement instanceof Statement.DropConnector s) {
      return "DROP CONNECTOR " + (s.ifExists() ? "IF EXISTS " : "") + name(s.name());
    }
    if (statement instanceof Statement.DescribeConnector s) {
      return "DESCRIBE CONNECTOR " + name(s.name());
    }
    if (statement instanceof Statement.ListConnectors s) {
      return "SHOW " + s.scope().map(scope -> scope + " ").orElse("") + "CONNECTORS";
    }
    if (statement instanceof Statement.ListConnectorPlugins s) {
      return "SHOW CONNECTOR PLUGINS";
    }
    if (statement instanceof Statement.AssertTopic s) {
      return "ASSERT " + (s.exists() ? "" : "NOT EXISTS ") + "TOPIC " + string(s.topic())
          + properties(s.properties()) + timeout(s.timeoutMs());
    }
    if (statement instanceof Statement.AssertSchema s) {
      return "ASSERT " + (s.exists() ? "" : "NOT EXISTS ") + "SCHEMA"
          + s.subject().map(subject -> " SUBJECT " + string(subject)).orElse("")
          + s.id().map(id -> " ID " + id).orElse("") + timeout(s.timeoutMs());
    }
    throw new IllegalArgumentException("Unknown node: " + statement);
  }

  static String query(Query query) {
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(join(query.select(), SqlFormatter::selectItem));
    sql.append(" FROM ").append(relation(query.from()));
    query.window().ifPresent(window -> sql.append(" WINDOW ").append(window(window)));
    query.where().ifPresent(where -> sql.append(" WHERE ").append(format(where)));
    if (!query.groupBy().isEmpty()) {
      sql.append(" GROUP BY ").append(join(query.groupBy(), ExpressionFormatter::format));
    }
    if (!query.partitionBy().isEmpty()) {
      sql.append(" PARTITION BY ").append(join(query.partitionBy(), ExpressionFormatter::format));
    }
    query.having().ifPresent(having -> sql.append(" HAVING ").append(format(having)));
    query.emit().ifPresent(emit -> sql.append(" EMIT ").append(emit));
    query.limit().ifPresent(limit -> sql.append(" LIMIT ").append(limit));
    return sql.toString();
  }

  private static String selectItem(SelectItem item) {
    if (item instanceof SelectItem.AllColumns all) {
      return all.source().map(source -> name(source) + ".*").orElse("*");
    }
    if (item instanceof SelectItem.SingleColumn single) {
      return format(single.expression())
          + single.alias().map(alias -> " AS " + name(alias)).orElse("");
    }
    if (item instanceof SelectItem.StructAll struct) {
      return ExpressionFormatter.primary(struct.base()) + "->*";
    }
    throw new IllegalArgumentException("Unknown node: " + item);
  }

  private static String relation(Relation relation) {
    if (relation instanceof Relation.Source source) {
      return name(source.name()) + source.alias().map(alias -> " AS " + name(alias)).orElse("");
    }
    if (relation instanceof Relation.Join join) {
      return relation(join.left()) + " " + (join.type() == Relation.JoinType.INNER ? "" : join.type() + " ")
          + "JOIN " + relation(join.right()) + join.within().map(SqlFormatter::within).orElse("")
          + " ON " + format(join.condition());
    }
    throw new IllegalArgumentException("Unknown node: " + relation);
  }

  private static String within(Relation.WithinClause within) {
    String size = within.beforeMs() == within.afterMs()
          ? millis(within.beforeMs()) : "(" + millis(within.beforeMs()) + ", " + millis(within.afterMs()) + ")";
    return " WITHIN " + size + within.graceMs().map(grace -> " GRACE PERIOD " + millis(grace)).orElse("");
  }

  private static String window(WindowSpec window) {
    String options = window.retentionMs().map(ms -> ", RETENTION " + millis(ms)).orElse("")
          + window.graceMs().map(ms -> ", GRACE PERIOD " + millis(ms)).orElse("");
    if (window instanceof WindowSpec.Tumbling t) {
      return "TUMBLING (SIZE " + millis(t.sizeMs()) + options + ")";
    }
    if (window instanceof WindowSpec.Hopping h) {
      return "HOPPING (SIZE " + millis(h.sizeMs()) + ", ADVANCE BY " + millis(h.advanceMs())
          + options + ")";
    }
    if (window instanceof WindowSpec.Session s) {
      return "SESSION (" + millis(s.gapMs()) + options + ")";
    }
    throw new IllegalArgumentException("Unknown node: " + window);
  }

  private static String timeout(Optional<Long> timeoutMs) {
    return timeoutMs.map(ms -> " TIMEOUT " + millis(ms)).orElse("");
  }

  private static String millis(long ms) {
    return ms + " MILLISECONDS";
  }

  private static String column(ColumnDef column) {
    String constraint = switch (column.constraint()) {
      case NONE -> "";
      case KEY -> " KEY";
      case PRIMARY_KEY -> " PRIMARY KEY";
      case HEADERS -> " HEADERS";
      case HEADER -> " HEADER(" + string(column.headerKey().orElseThrow()) + ")";
    };
    return name(column.name()) + " " + format(column.type()) + constraint;
  }

  private static String properties(Map<String, Literal> properties) {
    if (properties.isEmpty()) {
      return "";
    }
    List<String> entries = new ArrayList<>();
    properties.forEach((name, value) -> entries.add(name(name) + "=" + literal(value)));
    return " WITH (" + String.join(", ", entries) + ")";
  }

  /** Connector keys keep their case, so they are written as strings. */
  private static String connectorProperties(Map<String, Literal> properties) {
    List<String> entries = new ArrayList<>();
    properties.forEach((name, value) -> entries.add(string(name) + "=" + literal(value)));
    return " WITH (" + String.join(", ", entries) + ")";
  }

  private static String literal(Literal literal) {
    return literal.quoted() ? string(literal.text()) : literal.text();
  }

  static String name(String name) {
    return ExpressionFormatter.name(name);
  }

  static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static <T> String join(List<T> items, Function<T, String> format) {
    List<String> parts = new ArrayList<>(items.size());
    for (T item : items) {
      parts.add(format.apply(item));
    }
    return String.join(", ", parts);
  }
}
