package dev.sluice.engine.env;

import dev.sluice.engine.command.Command;
import java.util.List;

/** Where commands are kept in order: the command topic for servers, a list for the test runner. */
public interface CommandStore {

  /** Appends a command and returns once it is durable. */
  void append(String id, Command command);

  /** Every command, in order. */
  List<Command> readAll();
}
