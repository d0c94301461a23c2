package dev.sluice.parser.ast;

/** A source is an append-only STREAM or an upsert-by-key TABLE. */
public enum SourceKind {
  STREAM, TABLE
}
