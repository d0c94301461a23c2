package dev.sluice.parser.ast;

/**
 * A WITH-clause or SET value: the literal as written. {@link #text()} is the value without quotes,
 * the same for {@code PARTITIONS=1} and {@code PARTITIONS='1'}.
 */
public record Literal(Position pos, String text, boolean quoted) implements Node {}
