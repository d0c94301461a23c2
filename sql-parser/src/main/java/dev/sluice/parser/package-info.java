/**
 * SQL text to an immutable AST, and back. {@link dev.sluice.parser.SqlParser} is the entry point;
 * {@link dev.sluice.parser.SqlFormatter} prints canonical SQL; {@link dev.sluice.parser.SqlParseException}
 * is the only error, always with a {@code line L:C:} position. Everything else here (the ANTLR-generated
 * classes, the tree builders, the syntax-error analysis) is an implementation detail.
 */
package dev.sluice.parser;
