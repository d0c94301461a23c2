package dev.sluice.engine.metastore;

import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The catalog of streams, tables, persistent queries and named types. It changes only by replaying commands, in command
 * log order, on one thread at a time; readers (planning, SHOW, DESCRIBE) may run concurrently.
 */
public final class MetaStore implements Catalog {
  private final Map<String, DataSource> sources = new ConcurrentSkipListMap<>();
  private final Map<String, PersistentQueryInfo> queries = new ConcurrentSkipListMap<>();
  private final Map<String, SqlType> types = new ConcurrentSkipListMap<>();
  /** Ids of the queries PAUSE holds: state of the log, so that a replay starts them paused. */
  private final java.util.Set<String> paused = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The type registered under {@code name} by CREATE TYPE. */
  public Optional<SqlType> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** Every named type, by name in alphabetical order. */
  public Map<String, SqlType> types() {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(types));
  }

  public void putType(String name, SqlType type) {
    types.put(name, type);
  }

  public void removeType(String name) {
    types.remove(name);
  }

  @Override
  public Optional<DataSource> source(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  public List<DataSource> sources() {
    return List.copyOf(sources.values());
  }

  public void putSource(DataSource source) {
    sources.put(source.name(), source);
  }

  public void removeSource(String name) {
    sources.remove(name);
  }

  public Optional<PersistentQueryInfo> query(String id) {
    return Optional.ofNullable(queries.get(id));
  }

  public List<PersistentQueryInfo> queries() {
    return List.copyOf(queries.values());
  }

  public void putQuery(PersistentQueryInfo query) {
    queries.put(query.id(), query);
  }

  public void removeQuery(String id) {
    queries.remove(id);
    paused.remove(id);
  }

  /** Marks a query paused (true) or not; an id that names no query is ignored. */
  public void setPaused(String id, boolean isPaused) {
    if (!isPaused) {
      paused.remove(id);
    } else if (queries.containsKey(id)) {
      paused.add(id);
    }
  }

  public boolean isPaused(String id) {
    return paused.contains(id);
  }

  /** The queries that write into {@code source}. */
  public List<PersistentQueryInfo> writers(String source) {
    return queries.values().stream().filter(q -> q.sink().equals(source)).toList();
  }

  /** The queries that read from {@code source}. */
  public List<PersistentQueryInfo> readers(String source) {
    return queries.values().stream().filter(q -> q.sources().contains(source)).toList();
  }
}
