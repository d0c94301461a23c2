package dev.sluice.parser.ast;

/** Every AST node knows where it came from, so that every later error can point at the user's text. */
public interface Node {
  Position pos();
}
