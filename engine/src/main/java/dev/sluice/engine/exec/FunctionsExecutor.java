package dev.sluice.engine.exec;

import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.function.FunctionDocs;
import dev.sluice.planner.function.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code SHOW FUNCTIONS} and {@code DESCRIBE FUNCTION name}, from the engine's {@link FunctionRegistry} (through
 * {@link FunctionDocs}, which also writes docs/functions.md, so the three always agree).
 */
final class FunctionsExecutor {
  private final FunctionRegistry registry;

  FunctionsExecutor(FunctionRegistry registry) {
    this.registry = registry;
  }

  /** ksqlDB's {@code function_names}: every function with its type and category, sorted by name. */
  KsqlEntity list(String text) {
    List<Entities.SimpleFunctionInfo> functions = new ArrayList<>();
    FunctionDocs.functions(registry).values().forEach(f ->
        functions.add(new Entities.SimpleFunctionInfo(f.name(), f.type(), f.category())));
    return new Entities.FunctionNameList(text, functions, List.of());
  }

  /** ksqlDB's {@code describe_function}: every overload with its parameters' names, types and docs. */
  KsqlEntity describe(String text, Statement.DescribeFunction stmt) {
    String name = stmt.name().toUpperCase(Locale.ROOT);
    FunctionDocs.Function f = FunctionDocs.functions(registry).get(name);
    if (f == null) {
      throw SluiceException.statement(stmt.pos(), "Can't find any functions with the name '" + stmt.name() + "'");
    }
    List<Entities.FunctionInfo> overloads = new ArrayList<>();
    for (FunctionDocs.Overload o : f.overloads()) {
      List<Entities.ArgumentInfo> args = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (FunctionDocs.Param p : o.params()) {
        args.add(new Entities.ArgumentInfo(p.name(), p.type(), p.description(), p.variadic()));
        types.add(p.type());
      }
      overloads.add(new Entities.FunctionInfo(args, o.returnType(), o.description(), types));
    }
    return new Entities.FunctionDescriptionList(text, f.name(), f.description(), f.author(), f.version(),
        registry.path(f.name()), f.type(), overloads, List.of());
  }
}
