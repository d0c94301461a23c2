package dev.sluice.engine.exec;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables of one {@code /ksql} request: those sent as {@code sessionVariables}, then changed by the
 * request's DEFINE and UNDEFINE statements in order, so that SHOW VARIABLES lists what the statements
 * before it left. Names match case-insensitively, as {@code ${name}} substitution does; each keeps the
 * spelling it was defined with, and the list keeps the order of definition.
 */
final class SessionVariables {
  private final Map<String, String> variables = new LinkedHashMap<>();

  SessionVariables(Map<String, String> initial) {
    initial.forEach(this::define);
  }

  void define(String name, String value) {
    remove(name);
    variables.put(name, value);
  }

  /** Removes the variable; false when there was none. */
  boolean undefine(String name) {
    return remove(name);
  }

  private boolean remove(String name) {
    for (Iterator<String> names = variables.keySet().iterator(); names.hasNext(); ) {
      if (names.next().equalsIgnoreCase(name)) {
        names.remove();
        return true;
      }
    }
    return false;
  }

  Map<String, String> asMap() {
    return java.util.Collections.unmodifiableMap(variables);
  }
}
