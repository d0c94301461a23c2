/**
 * The Sluice CLI: an interactive JLine console and a script runner ({@code -e}, {@code -f}) that talk to
 * a Sluice server over its ksqlDB-compatible REST API only. {@link dev.sluice.cli.SluiceCli} is the entry
 * point; {@link dev.sluice.cli.InputProcessor} runs input, {@link dev.sluice.cli.StatementExecutor}
 * routes each statement, {@link dev.sluice.cli.QueryRunner} streams query results.
 */
package dev.sluice.cli;
