package dev.sluice.planner.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates {@code docs/functions.md}, the function reference, from the {@link FunctionRegistry} (and the
 * built-in aggregates below), so that the page and the code never disagree: {@code FunctionDocsTest} fails
 * when the checked-in page is stale. Also the one source of the function-level facts SHOW FUNCTIONS and
 * DESCRIBE FUNCTION report.
 *
 * <p>Regenerate with {@link #REGENERATE}, or run this class with the output path as its only argument.
 */
public final class FunctionDocs {

  /** How to bring the page up to date; printed by the test that checks it. */
  public static final String REGENERATE =
      "mvn -o -pl planner test -Dtest=FunctionDocsTest -Dsluice.docs.update=true";

  /** Who wrote the built-ins, as DESCRIBE FUNCTION reports it. */
  public static final String BUILT_IN_PATH = "internal";

  /** One parameter of an overload, as DESCRIBE FUNCTION and the docs show it. */
  public record Param(String name, String type, String description, boolean variadic) {}

  /** One overload: its parameters, return type and description. */
  public record Overload(List<Param> params, String returnType, String description) {
    /** {@code NAME(a INT, b STRING...)}. */
    public String signature(String name) {
      List<String> parts = new ArrayList<>();
      for (Param p : params) {
        parts.add(p.name() + " " + p.type() + (p.variadic() ? "..." : ""));
      }
      return name + "(" + String.join(", ", parts) + ")";
    }
  }

  /** A function: SCALAR, AGGREGATE or TABLE, its category, description, author, version and overloads. */
  public record Function(String name, String type, String category, String description, String author,
      String version, List<Overload> overloads) {}

  /** The built-in aggregates (see {@code dev.sluice.planner.aggregate.AggregateFunctions}). */
  public static final List<Function> AGGREGATES = List.of(
      aggregate("ATTR", "The one value a column has in the group, or null when the group's rows hold more"
          + " than one distinct value: for a column expected to be the same in every row of the group.",
          new Overload(List.of(new Param("col1", "T", "the values, of any type", false)), "T",
              "The single value, or null.")),
      aggregate("AVG", "The average of the non-null values of a numeric column.",
          new Overload(List.of(new Param("col1", "INT|BIGINT|DECIMAL|DOUBLE", "the values to average", false)),
              "DOUBLE", "The average of the values.")),
      aggregate("COUNT", "The number of rows, or with an argument the number of its non-null values.",
          new Overload(List.of(), "BIGINT", "COUNT(*): the number of rows."),
          new Overload(List.of(new Param("col1", "ANY", "the values to count", false)), "BIGINT",
              "The number of non-null values.")),
      aggregate("COLLECT_LIST", "All the values of a column in the group, nulls included, as an array in"
          + " arrival order (on a table the order is not guaranteed). At most 1000 entries: later values are"
          + " dropped.",
          new Overload(List.of(new Param("col1", "T", "the values to collect, of any type", false)), "ARRAY<T>",
              "The values.")),
      aggregate("COLLECT_SET", "The distinct values of a column in the group, nulls included, as an array in"
          + " order of first arrival. At most 1000 entries. Not available for aggregating a table.",
          new Overload(List.of(new Param("col1", "T", "the values to collect, of any type", false)), "ARRAY<T>",
              "The distinct values.")),
      aggregate("CORRELATION", "The Pearson correlation coefficient between two numeric columns; pairs with a"
          + " null are skipped; NaN for fewer than two pairs or a constant column.",
          new Overload(List.of(new Param("x", "INT|BIGINT|DECIMAL|DOUBLE", "the first column", false),
              new Param("y", "INT|BIGINT|DECIMAL|DOUBLE", "the second column", false)), "DOUBLE",
              "The correlation of x and y.")),
      aggregate("COUNT_DISTINCT", "The number of distinct non-null values of a column, estimated with a"
          + " HyperLogLog (standard error under 1%; exact for small counts). Not available for aggregating a"
          + " table.",
          new Overload(List.of(new Param("col1", "ANY", "the values to count", false)), "BIGINT",
              "The estimated number of distinct values.")),
      aggregate("EARLIEST_BY_OFFSET", "The earliest value of a column, or its N earliest values, by the order"
          + " in which rows were processed; nulls are skipped unless ignoreNulls is false. Not available for"
          + " aggregating a table.",
          new Overload(List.of(new Param("col1", "T", "the values", false)), "T", "The earliest non-null value."),
          new Overload(List.of(new Param("col1", "T", "the values", false), new Param("ignoreNulls", "BOOLEAN",
              "whether to skip nulls (a literal)", false)), "T", "The earliest value."),
          new Overload(List.of(new Param("col1", "T", "the values", false), new Param("earliestN", "INT",
              "how many values (a literal, at least 1)", false)), "ARRAY<T>", "The N earliest non-null values."),
          new Overload(List.of(new Param("col1", "T", "the values", false), new Param("earliestN", "INT",
              "how many values (a literal, at least 1)", false), new Param("ignoreNulls", "BOOLEAN",
              "whether to skip nulls (a literal)", false)), "ARRAY<T>", "The N earliest values.")),
      aggregate("HISTOGRAM", "A map from each distinct string of a column to the number of rows that have it;"
          + " at most 1000 distinct strings, later ones are ignored. Nulls are not counted.",
          new Overload(List.of(new Param("col1", "STRING", "the values to count", false)), "MAP<STRING, BIGINT>",
              "The count of each value.")),
      aggregate("LATEST_BY_OFFSET", "The latest value of a column, or its N latest values, by the order in"
          + " which rows were processed; nulls are skipped unless ignoreNulls is false. Not available for"
          + " aggregating a table.",
          new Overload(List.of(new Param("col1", "T", "the values", false)), "T", "The latest non-null value."),
          new Overload(List.of(new Param("col1", "T", "the values", false), new Param("ignoreNulls", "BOOLEAN",
              "whether to skip nulls (a literal)", false)), "T", "The latest value."),
          new Overload(List.of(new Param("col1", "T", "the values", false), new Param("latestN", "INT",
              "how many values (a literal, at least 1)", false)), "ARRAY<T>", "The N latest non-null values."),
          new Overload(List.of(new Param("col1", "T", "the values", false), new Param("latestN", "INT",
              "how many values (a literal, at least 1)", false), new Param("ignoreNulls", "BOOLEAN",
              "whether to skip nulls (a literal)", false)), "ARRAY<T>", "The N latest values.")),
      aggregate("MAX", "The largest non-null value of a column. Not available for aggregating a table.",
          new Overload(List.of(new Param("col1", "T", "a number, string, bytes, date, time or timestamp",
              false)), "T", "The largest value.")),
      aggregate("MIN", "The smallest non-null value of a column. Not available for aggregating a table.",
          new Overload(List.of(new Param("col1", "T", "a number, string, bytes, date, time or timestamp",
              false)), "T", "The smallest value.")),
      aggregate("STDDEV_SAMP", "As in ksqlDB, the sample variance of the non-null values of a numeric column"
          + " (the square of their sample standard deviation; STDDEV_SAMPLE is the deviation itself); 0.0 for"
          + " fewer than two values.",
          new Overload(List.of(new Param("col1", "INT|BIGINT|DECIMAL|DOUBLE", "the values", false)), "DOUBLE",
              "The sample variance.")),
      aggregate("STDDEV_SAMPLE", "The sample standard deviation of the non-null values of a numeric column;"
          + " 0.0 for fewer than two values.",
          new Overload(List.of(new Param("col1", "INT|BIGINT|DECIMAL|DOUBLE", "the values", false)), "DOUBLE",
              "The sample standard deviation.")),
      aggregate("SUM", "The sum of the non-null values of a numeric column, of the column's type.",
          new Overload(List.of(new Param("col1", "T", "INT, BIGINT, DECIMAL or DOUBLE values", false)), "T",
              "The sum of the values.")),
      aggregate("SUM_LIST", "The sum of the non-null elements of the arrays of a column.",
          new Overload(List.of(new Param("col1", "ARRAY<T>", "arrays of INT, BIGINT or DOUBLE", false)), "T",
              "The sum of all their elements.")),
      aggregate("TOPK", "The k largest non-null values of a column, largest first; with more columns, structs of"
          + " the sort value (sort_col) and those columns (col0, col1, ...). Not available for aggregating a"
          + " table.",
          new Overload(List.of(new Param("col1", "T", "a number, string, bytes, date, time or timestamp", false),
              new Param("k", "INT", "how many values (a literal)", false)), "ARRAY<T>", "The k largest values."),
          new Overload(List.of(new Param("col1", "T", "the values to sort by", false), new Param("other", "ANY",
              "columns to carry along", true), new Param("k", "INT", "how many values (a literal)", false)),
              "ARRAY<STRUCT<sort_col T, col0 ...>>", "The k rows with the largest values.")),
      aggregate("TOPKDISTINCT", "The k largest distinct non-null values of a column, largest first. Not"
          + " available for aggregating a table.",
          new Overload(List.of(new Param("col1", "T", "a number, string, bytes, date, time or timestamp", false),
              new Param("k", "INT", "how many values (a literal)", false)), "ARRAY<T>",
              "The k largest distinct values.")));

  private FunctionDocs() {}

  private static Function aggregate(String name, String description, Overload... overloads) {
    return new Function(name, "AGGREGATE", "AGGREGATE", description, "Sluice", "", List.of(overloads));
  }

  /** Every function of {@code registry} and the built-in aggregates, by name. */
  public static Map<String, Function> functions(FunctionRegistry registry) {
    Map<String, Function> all = new TreeMap<>();
    registry.scalars().forEach((name, overloads) -> all.put(name, scalar(name, overloads)));
    registry.tables().forEach((name, overloads) -> all.put(name, table(scalar(name, overloads))));
    registry.aggregates().forEach((name, overloads) -> all.put(name, aggregate(name, overloads)));
    AGGREGATES.forEach(f -> all.putIfAbsent(f.name(), f));
    return all;
  }

  /** A user-defined aggregate function; its description is the first overload's. */
  static Function aggregate(String name, List<UdafOverload> overloads) {
    List<Overload> described = new ArrayList<>();
    for (UdafOverload o : overloads) {
      List<String> names = o.paramNames();
      List<String> types = o.paramTypes();
      List<String> docs = o.paramDescriptions();
      List<Param> params = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        params.add(new Param(names.get(i), types.get(i), docs.get(i), false));
      }
      described.add(new Overload(params, o.result().toString(), o.annotation().description()));
    }
    described.sort(java.util.Comparator.comparing((Overload o) -> o.params().size())
        .thenComparing(o -> o.signature(name)));
    Udaf first = overloads.get(0).annotation();
    return new Function(name, "AGGREGATE", first.category(), first.description(), first.author(), first.version(),
        described);
  }

  /** A scalar function; its description is the first overload's (in the registry's stable order). */
  static Function scalar(String name, List<FunctionRegistry.ScalarOverload> overloads) {
    List<Overload> described = new ArrayList<>();
    for (FunctionRegistry.ScalarOverload o : overloads) {
      Signature s = o.signature();
      List<String> names = o.paramNames();
      List<String> docs = o.paramDescriptions();
      List<Param> params = new ArrayList<>();
      for (int i = 0; i < s.params().size(); i++) {
        params.add(new Param(names.get(i), s.params().get(i).toString(), docs.get(i),
            s.variadic() && i == s.params().size() - 1));
      }
      described.add(new Overload(params, s.returns().toString(), o.annotation().description()));
    }
    // Fewest parameters first, BYTES variations after the others, so the first is the one to describe it by.
    described.sort(java.util.Comparator.comparing((Overload o) -> o.params().size())
        .thenComparing(o -> o.params().stream().anyMatch(p -> p.type().contains("BYTES")))
        .thenComparing(o -> o.signature(name)));
    Udf first = overloads.get(0).annotation();
    return new Function(name, "SCALAR", first.category(), described.get(0).description(), first.author(),
        first.version(), described);
  }

  /** A table function: typed TABLE, each overload returning the type of one row's value (a list element). */
  static Function table(Function asScalar) {
    List<Overload> overloads = asScalar.overloads().stream()
        .map(o -> new Overload(o.params(), o.returnType().replaceAll("^ARRAY<(.*)>$", "$1"), o.description()))
        .toList();
    return new Function(asScalar.name(), TableFunctions.TABLE, asScalar.category(), asScalar.description(),
        asScalar.author(), asScalar.version(), overloads);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: FunctionDocs <output.md>");
      System.exit(2);
    }
    Files.writeString(Path.of(args[0]), markdown(FunctionRegistry.builtIn()), StandardCharsets.UTF_8);
  }

  /** The whole page. */
  public static String markdown(FunctionRegistry registry) {
    Map<String, Function> all = functions(registry);
    Map<String, List<Function>> byCategory = new TreeMap<>();
    all.values().forEach(f -> byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f));
    StringBuilder md = new StringBuilder();
    md.append("# Function reference\n\n")
        .append("<!-- Generated from dev.sluice.planner.function.FunctionRegistry by ")
        .append("dev.sluice.planner.function.FunctionDocs: do not edit.\n")
        .append("     Regenerate with: ").append(REGENERATE).append(" -->\n\n")
        .append("Every built-in function, by category, as `SHOW FUNCTIONS` lists them and `DESCRIBE FUNCTION <name>`\n")
        .append("describes them. Functions answer NULL when an argument is NULL unless their description says\n")
        .append("otherwise, and NULL rather than an error for an argument they cannot process. A type written as a\n")
        .append("single letter (`T`, `K`, `V`) stands for any type, the same wherever it appears in one variation;\n")
        .append("`ANY` is any type; a parameter ending in `...` takes any number of arguments. Numbers widen to\n")
        .append("the parameter's type: INT to BIGINT to DECIMAL to DOUBLE. TABLE functions turn each input row\n")
        .append("into one row per value they return (listed as their return type), in the select list of a stream\n")
        .append("only: see [table functions](sql.md#table-functions). ")
        .append(all.size()).append(" functions.\n\n");
    md.append("| category | functions |\n| --- | --- |\n");
    byCategory.forEach((category, functions) -> {
      md.append("| ").append(category).append(" | ");
      List<String> links = new ArrayList<>();
      for (Function f : functions) {
        links.add("[" + f.name() + "](#" + f.name().toLowerCase(java.util.Locale.ROOT) + ")");
      }
      md.append(String.join(", ", links)).append(" |\n");
    });
    byCategory.forEach((category, functions) -> {
      md.append("\n## ").append(category).append("\n");
      for (Function f : functions) {
        boolean oneDescription = f.overloads().stream().allMatch(o -> o.description().equals(f.description()));
        md.append("\n### ").append(f.name()).append("\n\n").append(f.type()).append(".")
            .append(oneDescription || !f.type().equals("SCALAR") ? " " + f.description() : "").append("\n\n");
        for (Overload o : f.overloads()) {
          md.append("- `").append(o.signature(f.name())).append("` → `").append(o.returnType()).append("`");
          if (!oneDescription) {
            md.append(": ").append(o.description());
          }
          md.append("\n");
          for (Param p : o.params()) {
            if (!p.description().isEmpty()) {
              md.append("  - `").append(p.name()).append("`: ").append(p.description()).append("\n");
            }
          }
        }
      }
    });
    return md.toString();
  }

}
