package dev.sluice.parser;

import dev.sluice.parser.ast.Statement;

/**
 * A statement with the exact text it was parsed from (without the trailing semicolon), so that
 * responses can echo it as {@code statementText} and the command log can keep what the user wrote.
 */
public record ParsedStatement(String text, Statement statement) {}
