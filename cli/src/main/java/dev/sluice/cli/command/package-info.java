/**
 * Commands the CLI runs itself, one class each: console commands ({@code help}, {@code server},
 * {@code spool}, ...) and client-side statements ({@code DEFINE}, {@code SET}, {@code RUN SCRIPT}, ...).
 */
package dev.sluice.cli.command;
