package dev.sluice.parser.ast;

import java.util.Optional;

/** The WINDOW clause of an aggregation; all durations in milliseconds. */
public sealed interface WindowSpec extends Node {

  Optional<Long> retentionMs();

  Optional<Long> graceMs();

  record Tumbling(Position pos, long sizeMs, Optional<Long> retentionMs, Optional<Long> graceMs)
      implements WindowSpec {}

  record Hopping(Position pos, long sizeMs, long advanceMs, Optional<Long> retentionMs, Optional<Long> graceMs)
      implements WindowSpec {}

  record Session(Position pos, long gapMs, Optional<Long> retentionMs, Optional<Long> graceMs)
      implements WindowSpec {}
}
