package dev.sluice.parser;

import dev.sluice.parser.ast.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Explains a syntax error the way a person wants to read it: where the input stops making sense and what
 * could have come there instead ({@code Syntax error at or near 'FRM': expected one of: ',', 'FROM'}).
 *
 * <p>ANTLR's own messages point at the token where a prediction started, which is often several tokens
 * before the real mistake, and list every keyword that an identifier may be. So instead the grammar's ATN
 * is simulated over the tokens, keeping every parse still alive (like an NFA), until no parse can consume
 * the next token: that token is the error, and the transitions out of the surviving states are what was
 * expected. Entering the {@code expression}, {@code identifier} or {@code type} rule is reported as
 * {@code <expression>} etc. rather than as the many tokens that can start one. This runs only after a
 * parse has failed, so its cost does not matter.
 */
final class SyntaxErrors {
  private static final int MAX_EXPECTED = 20;
  private static final Pattern KEYWORD = Pattern.compile("'[A-Z_]+'");
  private static final Map<Integer, String> SPECIAL_RULES = Map.of(
      SluiceParser.RULE_expression, "<expression>",
      SluiceParser.RULE_booleanExpression, "<expression>",
      SluiceParser.RULE_valueExpression, "<expression>",
      SluiceParser.RULE_primaryExpression, "<expression>",
      SluiceParser.RULE_identifier, "<identifier>",
      SluiceParser.RULE_type, "<type>");
  private static final Map<Integer, String> TOKEN_NAMES = Map.of(
      Token.EOF, "<EOF>",
      SluiceLexer.NEQ, "'<>'",
      SluiceLexer.STRING, "<string>",
      SluiceLexer.INTEGER_VALUE, "<integer>",
      SluiceLexer.DECIMAL_VALUE, "<decimal>",
      SluiceLexer.FLOATING_POINT_VALUE, "<double>",
      SluiceLexer.IDENTIFIER, "<identifier>",
      SluiceLexer.QUOTED_IDENTIFIER, "<identifier>",
      SluiceLexer.BACKQUOTED_IDENTIFIER, "<identifier>",
      SluiceLexer.DIGIT_IDENTIFIER, "<identifier>");
  private static final IntervalSet NON_RESERVED =
      SluiceParser._ATN.nextTokens(SluiceParser._ATN.ruleToStartState[SluiceParser.RULE_nonReserved]);

  private SyntaxErrors() {}

  /** A rule invocation: where to continue after it, its precedence, where it started, whether it is reported by name. */
  private record Frame(int followState, int precedence, int entryIndex, boolean special, Frame parent) {}

  private record Config(int state, Frame stack) {}

  /** The states reached before consuming token {@code index}, and the rule names that could start there. */
  private record Closure(Set<Config> configs, Set<String> specialRules) {}

  /**
   * The error for {@code tokens} (default channel only, ending with EOF) that failed to parse from
   * {@code startRule}, or null if the simulation accepts them (then the caller falls back to ANTLR's view).
   */
  static SqlParseException explain(List<Token> tokens, int startRule) {
    ATN atn = SluiceParser._ATN;
    Set<Config> initial = Set.of(new Config(atn.ruleToStartState[startRule].stateNumber, null));
    Closure current = closure(atn, initial, 0);
    for (int i = 0; i < tokens.size(); i++) {
      int type = tokens.get(i).getType();
      Set<Config> next = new LinkedHashSet<>();
      for (Config config : current.configs()) {
        ATNState state = atn.states.get(config.state());
        for (int t = 0; t < state.getNumberOfTransitions(); t++) {
          Transition transition = state.transition(t);
          if (!transition.isEpsilon() && transition.matches(type, Token.MIN_USER_TOKEN_TYPE, atn.maxTokenType)) {
            next.add(new Config(transition.target.stateNumber, config.stack()));
          }
        }
      }
      if (next.isEmpty()) {
        return error(tokens.get(i), expected(atn, current, i));
      }
      if (type == Token.EOF) {
        return null;
      }
      current = closure(atn, next, i + 1);
    }
    return null;
  }

  private static Closure closure(ATN atn, Set<Config> start, int index) {
    Set<Config> result = new LinkedHashSet<>();
    Set<String> specials = new TreeSet<>();
    Set<Config> seen = new HashSet<>();
    Deque<Config> work = new ArrayDeque<>(start);
    while (!work.isEmpty()) {
      Config config = work.pop();
      if (!seen.add(config)) {
        continue;
      }
      ATNState state = atn.states.get(config.state());
      Frame stack = config.stack();
      if (state instanceof RuleStopState) {
        if (stack != null) {
          work.push(new Config(stack.followState(), stack.parent()));
        }
        continue;
      }
      boolean consumes = false;
      for (int t = 0; t < state.getNumberOfTransitions(); t++) {
        Transition transition = state.transition(t);
        if (transition instanceof RuleTransition call) {
          boolean special = SPECIAL_RULES.containsKey(call.target.ruleIndex);
          if (special && !insideSpecial(stack, index)) {
            specials.add(SPECIAL_RULES.get(call.target.ruleIndex));
          }
          Frame frame = new Frame(call.followState.stateNumber, call.precedence, index, special, stack);
          work.push(new Config(call.target.stateNumber, frame));
        } else if (transition instanceof PrecedencePredicateTransition predicate) {
          // The one kind of predicate in the grammar: ANTLR's rewrite of left recursion, true when the
          // operator binds at least as tightly as the current invocation of the rule.
          if (stack == null || predicate.precedence >= stack.precedence()) {
            work.push(new Config(transition.target.stateNumber, stack));
          }
        } else if (transition.isEpsilon()) {
          work.push(new Config(transition.target.stateNumber, stack));
        } else {
          consumes = true;
        }
      }
      if (consumes) {
        result.add(config);
      }
    }
    return new Closure(result, specials);
  }

  /** Whether the state is inside a rule reported by name that started at this very token. */
  private static boolean insideSpecial(Frame stack, int index) {
    for (Frame frame = stack; frame != null && frame.entryIndex() == index; frame = frame.parent()) {
      if (frame.special()) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> expected(ATN atn, Closure closure, int index) {
    Set<String> names = new TreeSet<>(closure.specialRules());
    Vocabulary vocabulary = SluiceParser.VOCABULARY;
    for (Config config : closure.configs()) {
      if (insideSpecial(config.stack(), index)) {
        continue;
      }
      ATNState state = atn.states.get(config.state());
      for (int t = 0; t < state.getNumberOfTransitions(); t++) {
        IntervalSet label = state.transition(t).label();
        if (label == null) {
          continue;
        }
        for (int type : label.toList()) {
          names.add(tokenName(vocabulary, type));
        }
      }
    }
    return names;
  }

  static String tokenName(Vocabulary vocabulary, int type) {
    String special = TOKEN_NAMES.get(type);
    if (special != null) {
      return special;
    }
    String literal = vocabulary.getLiteralName(type);
    return literal != null ? literal : "<" + vocabulary.getSymbolicName(type) + ">";
  }

  private static SqlParseException error(Token token, Set<String> expected) {
    Position position = Names.pos(token);
    String found = token.getType() == Token.EOF
        ? "Syntax error at end of input" : "Syntax error at or near '" + token.getText() + "'";
    String literal = SluiceParser.VOCABULARY.getLiteralName(token.getType());
    boolean keywordExpected = expected.stream().anyMatch(e -> KEYWORD.matcher(e).matches());
    if (literal != null && KEYWORD.matcher(literal).matches() && !NON_RESERVED.contains(token.getType())
        && expected.contains("<identifier>") && !expected.contains("<expression>") && !keywordExpected) {
      String word = literal.substring(1, literal.length() - 1);
      return new SqlParseException(position, found + ": " + word
          + " is a reserved keyword; quote it to use it as an identifier: `" + word + "`");
    }
    if (expected.isEmpty()) {
      return new SqlParseException(position, found);
    }
    // "CREATE STREAM s SELECT ..." misses AS, not a ';': no hint when AS fits and no query clause does.
    boolean missingAs = "'SELECT'".equals(literal) && expected.contains("'AS'") && !expected.contains("'WHERE'");
    String hint = literal != null && STATEMENT_STARTS.contains(literal) && expected.contains("';'") && !missingAs
        ? " (is a ';' missing before " + literal.substring(1, literal.length() - 1) + "?)" : "";
    return new SqlParseException(position, found + ": " + describe(expected) + hint);
  }

  /** Keywords that start a statement: finding one where a statement could end suggests a missing ';'. */
  private static final Set<String> STATEMENT_STARTS = Set.of("'SELECT'", "'CREATE'", "'INSERT'", "'DROP'",
      "'SHOW'", "'LIST'", "'DESCRIBE'", "'EXPLAIN'", "'TERMINATE'", "'SET'", "'UNSET'", "'DEFINE'", "'PRINT'");

  private static String describe(Set<String> expected) {
    if (expected.size() == 1) {
      return "expected " + expected.iterator().next();
    }
    // Keywords first: they are what the user most likely forgot; operators and <classes> follow.
    List<String> shown = new ArrayList<>(expected);
    shown.sort(java.util.Comparator.comparing((String e) -> !KEYWORD.matcher(e).matches())
        .thenComparing(java.util.Comparator.naturalOrder()));
    StringBuilder text = new StringBuilder("expected one of: ");
    text.append(String.join(", ", shown.subList(0, Math.min(shown.size(), MAX_EXPECTED))));
    if (shown.size() > MAX_EXPECTED) {
      text.append(", ...");
    }
    return text.toString();
  }
}
