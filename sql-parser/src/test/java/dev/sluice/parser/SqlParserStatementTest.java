package dev.sluice.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.parser.ast.ColumnDef;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Literal;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.parser.ast.Type;
import dev.sluice.parser.ast.WindowSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Statement by statement: what each form of the dialect parses to. */
class SqlParserStatementTest {

  static final String QUICKSTART = """
      CREATE STREAM pageviews (user_id STRING KEY, page STRING, duration_ms BIGINT) WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u1', '/home', 120);
      CREATE STREAM slow_views AS SELECT user_id, UCASE(page) AS page, duration_ms / 1000.0 AS secs FROM pageviews WHERE duration_ms > 100 EMIT CHANGES;
      SELECT * FROM slow_views EMIT CHANGES; SHOW STREAMS; SHOW QUERIES; DESCRIBE slow_views; TERMINATE CSAS_SLOW_VIEWS_1; DROP STREAM slow_views;
      """;

  static Statement single(String sql) {
    List<ParsedStatement> statements = SqlParser.parse(sql);
    assertThat(statements).hasSize(1);
    return statements.get(0).statement();
  }

  static Query query(String sql) {
    return ((Statement.QueryStatement) single(sql)).query();
  }

  static Position p(int line, int column) {
    return new Position(line, column);
  }

  @Test
  void quickstartScript() {
    List<ParsedStatement> statements = SqlParser.parse(QUICKSTART);
    assertThat(statements).extracting(ParsedStatement::text).containsExactly(
        "CREATE STREAM pageviews (user_id STRING KEY, page STRING, duration_ms BIGINT) WITH (KAFKA_TOPIC='pageviews',"
            + " VALUE_FORMAT='JSON', PARTITIONS=1)",
        "INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u1', '/home', 120)",
        "CREATE STREAM slow_views AS SELECT user_id, UCASE(page) AS page, duration_ms / 1000.0 AS secs FROM pageviews"
            + " WHERE duration_ms > 100 EMIT CHANGES",
        "SELECT * FROM slow_views EMIT CHANGES",
        "SHOW STREAMS",
        "SHOW QUERIES",
        "DESCRIBE slow_views",
        "TERMINATE CSAS_SLOW_VIEWS_1",
        "DROP STREAM slow_views");

    Statement.CreateSource create = (Statement.CreateSource) statements.get(0).statement();
    assertThat(create).isEqualTo(new Statement.CreateSource(p(1, 1), SourceKind.STREAM, "PAGEVIEWS", false, false, false,
        List.of(
            new ColumnDef(p(1, 26), "USER_ID", new Type.Primitive(p(1, 34), Type.PrimitiveKind.STRING),
                ColumnDef.Constraint.KEY, Optional.empty()),
            new ColumnDef(p(1, 46), "PAGE", new Type.Primitive(p(1, 51), Type.PrimitiveKind.STRING),
                ColumnDef.Constraint.NONE, Optional.empty()),
            new ColumnDef(p(1, 59), "DURATION_MS", new Type.Primitive(p(1, 71), Type.PrimitiveKind.BIGINT),
                ColumnDef.Constraint.NONE, Optional.empty())),
        Map.of("KAFKA_TOPIC", new Literal(p(1, 97), "pageviews", true),
            "VALUE_FORMAT", new Literal(p(1, 123), "JSON", true),
            "PARTITIONS", new Literal(p(1, 142), "1", false))));
    assertThat(create.properties().keySet()).containsExactly("KAFKA_TOPIC", "VALUE_FORMAT", "PARTITIONS");

    assertThat(statements.get(1).statement()).isEqualTo(new Statement.InsertValues(p(2, 1), "PAGEVIEWS",
        List.of("USER_ID", "PAGE", "DURATION_MS"),
        List.of(new Expression.StringLiteral(p(2, 60), "u1"), new Expression.StringLiteral(p(2, 66), "/home"),
            new Expression.IntegerLiteral(p(2, 75), 120))));

    Statement.CreateAsSelect csas = (Statement.CreateAsSelect) statements.get(2).statement();
    assertThat(csas.kind()).isEqualTo(SourceKind.STREAM);
    assertThat(csas.name()).isEqualTo("SLOW_VIEWS");
    assertThat(csas.properties()).isEmpty();
    Query query = csas.query();
    assertThat(query.select()).containsExactly(
        new SelectItem.SingleColumn(p(3, 36), new Expression.ColumnRef(p(3, 36), Optional.empty(), "USER_ID"),
            Optional.empty()),
        new SelectItem.SingleColumn(p(3, 45), new Expression.FunctionCall(p(3, 45), "UCASE",
            List.of(new Expression.ColumnRef(p(3, 51), Optional.empty(), "PAGE")), false, false), Optional.of("PAGE")),
        new SelectItem.SingleColumn(p(3, 66), new Expression.Binary(p(3, 78), dev.sluice.parser.ast.BinaryOperator.DIVIDE,
            new Expression.ColumnRef(p(3, 66), Optional.empty(), "DURATION_MS"),
            new Expression.DecimalLiteral(p(3, 80), new BigDecimal("1000.0"))), Optional.of("SECS")));
    assertThat(query.from()).isEqualTo(new Relation.Source(p(3, 100), "PAGEVIEWS", Optional.empty()));
    assertThat(query.where()).contains(new Expression.Binary(p(3, 128), dev.sluice.parser.ast.BinaryOperator.GREATER_THAN,
        new Expression.ColumnRef(p(3, 116), Optional.empty(), "DURATION_MS"), new Expression.IntegerLiteral(p(3, 130), 100)));
    assertThat(query.emit()).contains(Query.Emit.CHANGES);

    assertThat(statements.get(3).statement()).isEqualTo(new Statement.QueryStatement(p(4, 1), new Query(p(4, 1),
        List.of(new SelectItem.AllColumns(p(4, 8), Optional.empty())),
        new Relation.Source(p(4, 15), "SLOW_VIEWS", Optional.empty()), Optional.empty(), Optional.empty(), List.of(),
        List.of(), Optional.empty(), Optional.of(Query.Emit.CHANGES), OptionalInt.empty())));
    assertThat(statements.get(4).statement())
        .isEqualTo(new Statement.ListStatement(p(4, 40), Statement.ListKind.STREAMS, false));
    assertThat(statements.get(5).statement())
        .isEqualTo(new Statement.ListStatement(p(4, 54), Statement.ListKind.QUERIES, false));
    assertThat(statements.get(6).statement())
        .isEqualTo(new Statement.Describe(p(4, 68), Optional.of("SLOW_VIEWS"), Optional.empty(), false));
    assertThat(statements.get(7).statement())
        .isEqualTo(new Statement.Terminate(p(4, 89), Optional.of("CSAS_SLOW_VIEWS_1")));
    assertThat(statements.get(8).statement())
        .isEqualTo(new Statement.DropSource(p(4, 118), SourceKind.STREAM, "SLOW_VIEWS", false, false));
  }

  @Test
  void scriptSplittingKeepsTextAndIgnoresSemicolonsInStringsAndComments() {
    List<ParsedStatement> statements = SqlParser.parse(
        "-- leading comment\nSET 'a;b'='c;d' ;;\n/* x; y */ SHOW TOPICS  ;  SHOW ALL TOPICS EXTENDED");
    assertThat(statements).extracting(ParsedStatement::text)
        .containsExactly("SET 'a;b'='c;d'", "SHOW TOPICS", "SHOW ALL TOPICS EXTENDED");
    assertThat(statements.get(0).statement()).isEqualTo(new Statement.SetProperty(p(2, 1), "a;b", "c;d"));
    assertThat(statements.get(2).statement())
        .isEqualTo(new Statement.ListStatement(p(3, 28), Statement.ListKind.ALL_TOPICS, true));
    assertThat(SqlParser.parse("")).isEmpty();
    assertThat(SqlParser.parse("  -- nothing\n ; ")).isEmpty();
  }

  @Test
  void createSourceVariants() {
    assertThat(single("create or replace source table if not exists t (id int primary key, v varchar, h bytes header('k'),"
        + " hs array<struct<key string, value bytes>> headers) with (kafka_topic='t', format='json', wrap_single_value=false)"))
        .isEqualTo(new Statement.CreateSource(p(1, 1), SourceKind.TABLE, "T", true, true, true, List.of(
            new ColumnDef(p(1, 49), "ID", new Type.Primitive(p(1, 52), Type.PrimitiveKind.INT),
                ColumnDef.Constraint.PRIMARY_KEY, Optional.empty()),
            new ColumnDef(p(1, 69), "V", new Type.Primitive(p(1, 71), Type.PrimitiveKind.STRING),
                ColumnDef.Constraint.NONE, Optional.empty()),
            new ColumnDef(p(1, 80), "H", new Type.Primitive(p(1, 82), Type.PrimitiveKind.BYTES),
                ColumnDef.Constraint.HEADER, Optional.of("k")),
            new ColumnDef(p(1, 101), "HS", new Type.Array(p(1, 104), new Type.Struct(p(1, 110), List.of(
                new Type.Field(p(1, 117), "KEY", new Type.Primitive(p(1, 121), Type.PrimitiveKind.STRING)),
                new Type.Field(p(1, 129), "VALUE", new Type.Primitive(p(1, 135), Type.PrimitiveKind.BYTES))))),
                ColumnDef.Constraint.HEADERS, Optional.empty())),
            Map.of("KAFKA_TOPIC", new Literal(p(1, 170), "t", true), "FORMAT", new Literal(p(1, 182), "json", true),
                "WRAP_SINGLE_VALUE", new Literal(p(1, 208), "false", false))));

    Statement.CreateSource noColumns = (Statement.CreateSource) single("CREATE STREAM s WITH (kafka_topic='s', value_format='AVRO')");
    assertThat(noColumns.columns()).isEmpty();
    assertThat(noColumns.source()).isFalse();
    Statement.CreateSource bare = (Statement.CreateSource) single("CREATE TABLE t");
    assertThat(bare.properties()).isEmpty();
  }

  @Test
  void createAsSelectAndInsertInto() {
    Statement.CreateAsSelect ctas = (Statement.CreateAsSelect) single(
        "CREATE OR REPLACE TABLE IF NOT EXISTS counts WITH (KAFKA_TOPIC='c', PARTITIONS=2) AS "
            + "SELECT user_id, COUNT(*) AS n FROM pageviews GROUP BY user_id HAVING COUNT(*) > 1 EMIT CHANGES");
    assertThat(ctas.kind()).isEqualTo(SourceKind.TABLE);
    assertThat(ctas.orReplace()).isTrue();
    assertThat(ctas.ifNotExists()).isTrue();
    assertThat(ctas.properties()).containsOnlyKeys("KAFKA_TOPIC", "PARTITIONS");
    assertThat(ctas.query().groupBy()).hasSize(1);
    assertThat(ctas.query().having()).isPresent();
    assertThat(ctas.query().select().get(1)).isEqualTo(new SelectItem.SingleColumn(p(1, 102),
        new Expression.FunctionCall(p(1, 102), "COUNT", List.of(), false, true), Optional.of("N")));

    Statement.InsertInto insert = (Statement.InsertInto) single("INSERT INTO out WITH (QUERY_ID='q1') SELECT * FROM in1");
    assertThat(insert.target()).isEqualTo("OUT");
    assertThat(insert.properties()).containsEntry("QUERY_ID", new Literal(p(1, 32), "q1", true));
    assertThat(insert.query().from()).isEqualTo(new Relation.Source(p(1, 52), "IN1", Optional.empty()));

    Statement.InsertValues values = (Statement.InsertValues) single("INSERT INTO s VALUES (1, -2.50, NULL)");
    assertThat(values.columns()).isEmpty();
    assertThat(values.values()).containsExactly(new Expression.IntegerLiteral(p(1, 23), 1),
        new Expression.DecimalLiteral(p(1, 26), new BigDecimal("-2.50")), new Expression.NullLiteral(p(1, 33)));
  }

  @Test
  void queryClausesInKsqlOrder() {
    Query q = query("SELECT a.id, b.*, a.s->*, x AS y FROM left_s a LEFT OUTER JOIN right_t AS b ON a.id = b.id "
        + "WINDOW TUMBLING (SIZE 30 SECONDS, RETENTION 2 DAYS, GRACE PERIOD 1 MINUTE) WHERE a.v > 0 "
        + "GROUP BY a.id, b.k PARTITION BY a.id HAVING COUNT(*) > 2 EMIT FINAL LIMIT 10");
    assertThat(q.select()).containsExactly(
        new SelectItem.SingleColumn(p(1, 8), new Expression.ColumnRef(p(1, 8), Optional.of("A"), "ID"), Optional.empty()),
        new SelectItem.AllColumns(p(1, 14), Optional.of("B")),
        new SelectItem.StructAll(p(1, 19), new Expression.ColumnRef(p(1, 19), Optional.of("A"), "S")),
        new SelectItem.SingleColumn(p(1, 27), new Expression.ColumnRef(p(1, 27), Optional.empty(), "X"), Optional.of("Y")));
    assertThat(q.from()).isEqualTo(new Relation.Join(p(1, 48), Relation.JoinType.LEFT,
        new Relation.Source(p(1, 39), "LEFT_S", Optional.of("A")),
        new Relation.Source(p(1, 64), "RIGHT_T", Optional.of("B")), Optional.empty(),
        new Expression.Binary(p(1, 85), dev.sluice.parser.ast.BinaryOperator.EQUAL,
            new Expression.ColumnRef(p(1, 80), Optional.of("A"), "ID"),
            new Expression.ColumnRef(p(1, 87), Optional.of("B"), "ID"))));
    assertThat(q.window()).contains(new WindowSpec.Tumbling(p(1, 99), 30_000, Optional.of(172_800_000L),
        Optional.of(60_000L)));
    assertThat(q.where()).isPresent();
    assertThat(q.groupBy()).hasSize(2);
    assertThat(q.partitionBy()).hasSize(1);
    assertThat(q.having()).isPresent();
    assertThat(q.emit()).contains(Query.Emit.FINAL);
    assertThat(q.limit()).hasValue(10);
  }

  @Test
  void windows() {
    assertThat(query("SELECT k, COUNT(*) FROM s WINDOW HOPPING (SIZE 1 HOUR, ADVANCE BY 10 MINUTES) GROUP BY k").window())
        .contains(new WindowSpec.Hopping(p(1, 34), 3_600_000, 600_000, Optional.empty(), Optional.empty()));
    assertThat(query("SELECT k FROM s WINDOW SESSION (5 SECOND, GRACE PERIOD 0 MILLISECONDS) GROUP BY k").window())
        .contains(new WindowSpec.Session(p(1, 24), 5_000, Optional.empty(), Optional.of(0L)));
    assertThat(query("SELECT k FROM s WINDOW TUMBLING (SIZE 1 MILLISECOND) GROUP BY k").window())
        .contains(new WindowSpec.Tumbling(p(1, 24), 1, Optional.empty(), Optional.empty()));
  }

  @Test
  void nWayJoinsAreLeftDeepWithWithinAndGrace() {
    Relation from = query("SELECT * FROM a JOIN b WITHIN 10 SECONDS ON a.id = b.id "
        + "RIGHT JOIN c WITHIN (1 SECOND, 2 SECONDS) GRACE PERIOD 3 SECONDS ON a.id = c.id "
        + "FULL OUTER JOIN d ON a.id = d.id INNER JOIN e ON a.id = e.id").from();
    Relation.Join inner = (Relation.Join) from;
    assertThat(inner.type()).isEqualTo(Relation.JoinType.INNER);
    Relation.Join full = (Relation.Join) inner.left();
    assertThat(full.type()).isEqualTo(Relation.JoinType.FULL);
    Relation.Join right = (Relation.Join) full.left();
    assertThat(right.type()).isEqualTo(Relation.JoinType.RIGHT);
    assertThat(right.within()).contains(new Relation.WithinClause(p(1, 70), 1_000, 2_000, Optional.of(3_000L)));
    Relation.Join first = (Relation.Join) right.left();
    assertThat(first.type()).isEqualTo(Relation.JoinType.INNER);
    assertThat(first.within()).contains(new Relation.WithinClause(p(1, 24), 10_000, 10_000, Optional.empty()));
    assertThat(first.left()).isEqualTo(new Relation.Source(p(1, 15), "A", Optional.empty()));
  }

  @Test
  void listAndDescribe() {
    assertThat(single("LIST TABLES EXTENDED")).isEqualTo(new Statement.ListStatement(p(1, 1), Statement.ListKind.TABLES, true));
    for (Statement.ListKind kind : List.of(Statement.ListKind.FUNCTIONS, Statement.ListKind.PROPERTIES,
        Statement.ListKind.TYPES, Statement.ListKind.VARIABLES, Statement.ListKind.TOPICS)) {
      assertThat(single("show " + kind.name().toLowerCase(java.util.Locale.ROOT)))
          .isEqualTo(new Statement.ListStatement(p(1, 1), kind, false));
    }
    assertThat(single("DESCRIBE STREAMS EXTENDED"))
        .isEqualTo(new Statement.Describe(p(1, 1), Optional.empty(), Optional.of(SourceKind.STREAM), true));
    assertThat(single("DESCRIBE TABLES"))
        .isEqualTo(new Statement.Describe(p(1, 1), Optional.empty(), Optional.of(SourceKind.TABLE), false));
    assertThat(single("DESCRIBE `MixedCase` EXTENDED"))
        .isEqualTo(new Statement.Describe(p(1, 1), Optional.of("MixedCase"), Optional.empty(), true));
    // The older word order, still accepted by ksqlDB.
    assertThat(single("DESCRIBE EXTENDED `MixedCase`"))
        .isEqualTo(new Statement.Describe(p(1, 1), Optional.of("MixedCase"), Optional.empty(), true));
    assertThat(single("DESCRIBE extended"))
        .isEqualTo(new Statement.Describe(p(1, 1), Optional.of("EXTENDED"), Optional.empty(), false));
    assertThat(single("DESCRIBE EXTENDED EXTENDED"))
        .isEqualTo(new Statement.Describe(p(1, 1), Optional.of("EXTENDED"), Optional.empty(), true));
    assertThat(single("DESCRIBE FUNCTION ucase")).isEqualTo(new Statement.DescribeFunction(p(1, 1), "UCASE"));
    assertThat(single("SHOW SOURCE CONNECTORS"))
        .isEqualTo(new Statement.ListConnectors(p(1, 1), Optional.of(Statement.ConnectorScope.SOURCE)));
    assertThat(single("SHOW CONNECTORS")).isEqualTo(new Statement.ListConnectors(p(1, 1), Optional.empty()));
    assertThat(single("SHOW CONNECTOR PLUGINS")).isEqualTo(new Statement.ListConnectorPlugins(p(1, 1)));
  }

  @Test
  void queryLifecycle() {
    assertThat(single("TERMINATE ALL")).isEqualTo(new Statement.Terminate(p(1, 1), Optional.empty()));
    assertThat(single("PAUSE q1")).isEqualTo(new Statement.PauseResume(p(1, 1), true, Optional.of("Q1")));
    assertThat(single("RESUME ALL")).isEqualTo(new Statement.PauseResume(p(1, 1), false, Optional.empty()));
    assertThat(single("EXPLAIN CTAS_X_0")).isEqualTo(new Statement.Explain(p(1, 1), Optional.empty(), Optional.of("CTAS_X_0")));
    assertThat(single("EXPLAIN SELECT * FROM s")).isEqualTo(new Statement.Explain(p(1, 1),
        Optional.of(new Statement.QueryStatement(p(1, 9), new Query(p(1, 9),
            List.of(new SelectItem.AllColumns(p(1, 16), Optional.empty())), new Relation.Source(p(1, 23), "S", Optional.empty()),
            Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(),
            OptionalInt.empty()))), Optional.empty()));
  }

  @Test
  void dropAlterAndTypes() {
    assertThat(single("DROP TABLE IF EXISTS t DELETE TOPIC"))
        .isEqualTo(new Statement.DropSource(p(1, 1), SourceKind.TABLE, "T", true, true));
    assertThat(single("DROP TYPE IF EXISTS address")).isEqualTo(new Statement.DropType(p(1, 1), "ADDRESS", true));
    assertThat(single("CREATE TYPE IF NOT EXISTS address AS STRUCT<street STRING, zip INT>"))
        .isEqualTo(new Statement.CreateType(p(1, 1), "ADDRESS", true, new Type.Struct(p(1, 38), List.of(
            new Type.Field(p(1, 45), "STREET", new Type.Primitive(p(1, 52), Type.PrimitiveKind.STRING)),
            new Type.Field(p(1, 60), "ZIP", new Type.Primitive(p(1, 64), Type.PrimitiveKind.INT))))));
    assertThat(single("ALTER STREAM s ADD COLUMN c1 INT, ADD c2 address"))
        .isEqualTo(new Statement.AlterSource(p(1, 1), SourceKind.STREAM, "S", List.of(
            new ColumnDef(p(1, 27), "C1", new Type.Primitive(p(1, 30), Type.PrimitiveKind.INT), ColumnDef.Constraint.NONE,
                Optional.empty()),
            new ColumnDef(p(1, 39), "C2", new Type.Named(p(1, 42), "ADDRESS"), ColumnDef.Constraint.NONE,
                Optional.empty()))));
  }

  @Test
  void propertiesVariablesPrintAndScripts() {
    assertThat(single("SET 'auto.offset.reset'='earliest'"))
        .isEqualTo(new Statement.SetProperty(p(1, 1), "auto.offset.reset", "earliest"));
    assertThat(single("UNSET 'auto.offset.reset'")).isEqualTo(new Statement.UnsetProperty(p(1, 1), "auto.offset.reset"));
    assertThat(single("ALTER SYSTEM 'a'='b'")).isEqualTo(new Statement.AlterSystemProperty(p(1, 1), "a", "b"));
    assertThat(single("DEFINE topic = 'it''s'")).isEqualTo(new Statement.DefineVariable(p(1, 1), "topic", "it's"));
    assertThat(single("UNDEFINE topic")).isEqualTo(new Statement.UndefineVariable(p(1, 1), "topic"));
    assertThat(single("PRINT pageviews FROM BEGINNING INTERVAL 2 LIMIT 5"))
        .isEqualTo(new Statement.Print(p(1, 1), "pageviews", true, Optional.of(2), Optional.of(5)));
    assertThat(single("PRINT 'my-topic'")).isEqualTo(new Statement.Print(p(1, 1), "my-topic", false, Optional.empty(),
        Optional.empty()));
    assertThat(single("RUN SCRIPT '/tmp/x.sql'")).isEqualTo(new Statement.RunScript(p(1, 1), "/tmp/x.sql"));
  }

  @Test
  void connectorsAndAssertions() {
    assertThat(single("CREATE SOURCE CONNECTOR IF NOT EXISTS jdbc WITH ('connector.class'='io.X', tasks_max=1)"))
        .isEqualTo(new Statement.CreateConnector(p(1, 1), true, "JDBC", true,
            Map.of("connector.class", new Literal(p(1, 68), "io.X", true), "TASKS_MAX", new Literal(p(1, 86), "1", false))));
    assertThat(single("DROP CONNECTOR IF EXISTS jdbc")).isEqualTo(new Statement.DropConnector(p(1, 1), "JDBC", true));
    assertThat(single("DESCRIBE CONNECTOR jdbc")).isEqualTo(new Statement.DescribeConnector(p(1, 1), "JDBC"));
    assertThat(single("ASSERT TOPIC orders WITH (PARTITIONS=3) TIMEOUT 5 SECONDS"))
        .isEqualTo(new Statement.AssertTopic(p(1, 1), "orders", true, Map.of("PARTITIONS", new Literal(p(1, 38), "3", false)),
            Optional.of(5_000L)));
    assertThat(single("ASSERT NOT EXISTS SCHEMA SUBJECT 'orders-value' ID 4"))
        .isEqualTo(new Statement.AssertSchema(p(1, 1), false, Optional.of("orders-value"), Optional.of(4), Optional.empty()));
  }

  @Test
  void keywordsUsableAsNames() {
    Statement.CreateSource create = (Statement.CreateSource) single(
        "CREATE STREAM source (key STRING KEY, value INT, type STRING, topic STRING, window BIGINT, stream INT, "
            + "size INT, map MAP<STRING, INT>, date DATE, time TIME, timestamp TIMESTAMP) WITH (kafka_topic='x')");
    assertThat(create.name()).isEqualTo("SOURCE");
    assertThat(create.columns()).extracting(ColumnDef::name).containsExactly(
        "KEY", "VALUE", "TYPE", "TOPIC", "WINDOW", "STREAM", "SIZE", "MAP", "DATE", "TIME", "TIMESTAMP");
    Query q = query("SELECT key, window, map['a'], type FROM source window WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY key");
    assertThat(q.from()).isEqualTo(new Relation.Source(p(1, 41), "SOURCE", Optional.of("WINDOW")));
    assertThat(q.window()).isPresent();
  }

  @Test
  void unquotedNamesAreUpperCasedWithTheRootLocale() {
    // Under a Turkish default locale "id".toUpperCase() would be "İD".
    Query q = query("select id, \"id\", `Quoted``Name` from items i");
    assertThat(q.select()).extracting(item -> ((SelectItem.SingleColumn) item).expression())
        .containsExactly(new Expression.ColumnRef(p(1, 8), Optional.empty(), "ID"),
            new Expression.ColumnRef(p(1, 12), Optional.empty(), "id"),
            new Expression.ColumnRef(p(1, 18), Optional.empty(), "Quoted`Name"));
    assertThat(q.from()).isEqualTo(new Relation.Source(p(1, 38), "ITEMS", Optional.of("I")));
  }

  @Test
  void variablesAreSubstitutedBeforeLexingAndDefinedByTheScript() {
    List<ParsedStatement> statements = SqlParser.parse(
        "DEFINE fmt = 'JSON'; CREATE STREAM ${name} (id INT) WITH (kafka_topic='${name}_t', value_format='${fmt}');"
            + " UNDEFINE fmt; SELECT '${fmt}' FROM ${name};",
        Map.of("name", "orders"));
    assertThat(statements).hasSize(4);
    Statement.CreateSource create = (Statement.CreateSource) statements.get(1).statement();
    assertThat(create.name()).isEqualTo("ORDERS");
    assertThat(create.properties().get("KAFKA_TOPIC").text()).isEqualTo("orders_t");
    assertThat(create.properties().get("VALUE_FORMAT").text()).isEqualTo("JSON");
    assertThat(statements.get(1).text())
        .isEqualTo("CREATE STREAM orders (id INT) WITH (kafka_topic='orders_t', value_format='JSON')");
    assertThat(statements.get(3).text()).isEqualTo("SELECT '${fmt}' FROM orders");
  }
}
