package dev.sluice.planner.catalog;

import java.util.Optional;

/** What the planner needs to know about existing streams and tables; the engine's metastore provides it. */
public interface Catalog {
  Optional<DataSource> source(String name);
}
