package dev.sluice.server;

/**
 * A reason the server cannot start that the user can fix (a port in use, an unusable data directory). Its
 * message is one complete sentence meant for the terminal; {@link SluiceServer#main} prints it without a
 * stack trace.
 */
public final class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
