package dev.sluice.engine.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.command.Command;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.schema.SqlType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CREATE TYPE, DROP TYPE and SHOW TYPES: named types live in the metastore and the command log like streams
 * do, so every server of a service knows them and they survive restarts. A named type is stored resolved
 * (a type naming another type keeps a copy of it), as ksqlDB does.
 */
final class TypeExecutor {
  private final EngineContext ctx;

  TypeExecutor(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** The resolver of named types that statements use while they are executed. */
  NamedTypes namedTypes() {
    return new NamedTypes(ctx.metaStore::type);
  }

  Optional<KsqlEntity> create(String text, Statement.CreateType stmt) {
    String name = stmt.name().toUpperCase(Locale.ROOT);
    SqlType type = SqlType.fromAst(namedTypes().expand(stmt.type()));
    Optional<SqlType> existing = ctx.metaStore.type(name);
    if (existing.isPresent()) {
      if (stmt.ifNotExists()) {
        return Optional.empty();
      }
      throw SluiceException.statement(stmt.pos(), "Cannot register custom type '" + name
          + "' since it is already registered with type: " + existing.get().sql());
    }
    ctx.submit(commandId(name, "create"), new Command.CreateType(text, name, type));
    return Optional.of(new Entities.CommandStatusEntity(text, commandId(name, "create"),
        Entities.CommandStatus.success("Registered custom type with name '" + name + "' and SQL type "
            + type.sql(), null), 0, List.of()));
  }

  Optional<KsqlEntity> drop(String text, Statement.DropType stmt) {
    String name = stmt.name().toUpperCase(Locale.ROOT);
    if (ctx.metaStore.type(name).isEmpty()) {
      if (stmt.ifExists()) {
        return Optional.empty();
      }
      throw SluiceException.statement(stmt.pos(), "Type " + name + " does not exist.");
    }
    ctx.submit(commandId(name, "drop"), new Command.DropType(text, name));
    return Optional.of(new Entities.CommandStatusEntity(text, commandId(name, "drop"),
        Entities.CommandStatus.success("Dropped type '" + name + "'", null), 0, List.of()));
  }

  KsqlEntity list(String text) {
    Map<String, Entities.FieldSchema> types = new LinkedHashMap<>();
    ctx.metaStore.types().forEach((name, type) -> types.put(name, MetadataExecutor.schema(type)));
    return new Entities.TypeList(text, types, List.of());
  }

  private static String commandId(String name, String action) {
    return "type/`" + name + "`/" + action;
  }
}
