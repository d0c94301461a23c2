/**
 * Text layouts of the CLI's TABULAR output: one renderer per {@code /ksql} entity type, the
 * {@link dev.sluice.cli.render.Table} they share, and {@link dev.sluice.cli.render.RowTable} for
 * streamed query rows. Pure functions from JSON to text, tested with exact expected output.
 */
package dev.sluice.cli.render;
