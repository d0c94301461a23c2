package dev.sluice.cli.command;

/** Runs a piece of CLI input (statements and console commands); how {@code RUN SCRIPT} reuses it. */
@FunctionalInterface
public interface ScriptRunner {
  /** Returns false if a statement failed; the rest of the text is then skipped. */
  boolean run(String text);
}
