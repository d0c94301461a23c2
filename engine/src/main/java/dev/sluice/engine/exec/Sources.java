package dev.sluice.engine.exec;

import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.plan.Formats;

/** Small conversions from catalog entries to plan values. */
final class Sources {
  private Sources() {}

  static Formats formats(DataSource ds) {
    return new Formats(ds.keyFormat(), ds.valueFormat(), ds.formatProperties());
  }
}
