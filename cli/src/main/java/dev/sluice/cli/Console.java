package dev.sluice.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the CLI writes: results to {@code out}, errors to {@code err} (the same terminal when
 * interactive; stdout and stderr with {@code -e}/{@code -f}), everything also to the spool file while
 * {@code spool} is on. Every call flushes, so a streamed row is on screen as soon as it is printed.
 * Errors are red only when the terminal understands colours.
 */
public final class Console {
  private static final String RED = "\u001B[31m";
  private static final String RESET = "\u001B[0m";

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean color;
  private Writer spool;
  private Path spoolPath;

  public Console(PrintWriter out, PrintWriter err, boolean color) {
    this.out = out;
    this.err = err;
    this.color = color;
  }

  public synchronized void print(String text) {
    out.print(text);
    out.flush();
    tee(text);
  }

  public void println(String text) {
    print(text + "\n");
  }

  public synchronized void error(String message) {
    err.print(color ? RED + message + RESET + "\n" : message + "\n");
    err.flush();
    tee(message + "\n");
  }

  /** Starts copying all output to {@code file} (appending), replacing any earlier spool file. */
  public synchronized void startSpool(Path file) throws IOException {
    stopSpool();
    spool = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    spoolPath = file;
  }

  /** Stops spooling; returns the file that was written, or null if none was. */
  public synchronized Path stopSpool() {
    Path file = spoolPath;
    if (spool != null) {
      try {
        spool.close();
      } catch (IOException e) {
        err.println("Could not close spool file " + file + ": " + e.getMessage());
      }
    }
    spool = null;
    spoolPath = null;
    return file;
  }

  public synchronized Path spoolFile() {
    return spoolPath;
  }

  private void tee(String text) {
    if (spool == null) {
      return;
    }
    try {
      spool.write(text);
      spool.flush();
    } catch (IOException e) {
      err.println("Spooling to " + spoolPath + " failed, spooling stopped: " + e.getMessage());
      err.flush();
      spool = null;
      spoolPath = null;
    }
  }
}
