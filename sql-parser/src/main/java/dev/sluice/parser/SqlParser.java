package dev.sluice.parser;

import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Statement;
import dev.sluice.parser.ast.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The entry point of the module: SQL text in, AST out. Thread-safe and stateless; the ANTLR prediction
 * caches it fills are static and shared by all threads, so the grammar's decisions are computed once per
 * JVM.
 *
 * <p>A script is split at top-level semicolons and each statement is parsed on its own, after
 * {@code ${var}} substitution with the variables given plus those the script itself defines with
 * {@code DEFINE} (and minus those it removes with {@code UNDEFINE}), in order, as ksqlDB does. Positions
 * refer to the script, after substitution. Each statement is first parsed in ANTLR's fast SLL mode, which
 * is exact for nearly every input, and only on failure again in full LL mode, whose error (if any) is
 * reported as a {@link SqlParseException}.
 */
public final class SqlParser {
  private SqlParser() {}

  /** Parses a script of {@code ;}-separated statements (the last {@code ;} is optional). */
  public static List<ParsedStatement> parse(String script) {
    return parse(script, Map.of());
  }

  /** Parses a script, substituting {@code ${name}} references with {@code variables} first. */
  public static List<ParsedStatement> parse(String script, Map<String, String> variables) {
    Map<String, String> defined = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    defined.putAll(variables);
    List<ParsedStatement> result = new ArrayList<>();
    for (Chunk chunk : split(script)) {
      String text = VariableSubstitutor.substitute(chunk.text(), defined);
      ParsedStatement parsed = guarded(chunk.line(), chunk.column(), () -> {
        SluiceParser.SingleStatementContext tree = parseTree(text, chunk.line(), chunk.column(),
            SluiceParser::singleStatement, SluiceParser.RULE_singleStatement);
        int start = charIndex(text, tree.statement().getStart().getStartIndex());
        int stop = charIndex(text, tree.statement().getStop().getStopIndex() + 1);
        return new ParsedStatement(text.substring(start, stop), new AstBuilder().statement(tree.statement()));
      });
      Statement statement = parsed.statement();
      result.add(parsed);
      if (statement instanceof Statement.DefineVariable define) {
        defined.put(define.name(), define.value());
      } else if (statement instanceof Statement.UndefineVariable undefine) {
        defined.remove(undefine.name());
      }
    }
    return List.copyOf(result);
  }

  /** Parses one expression, for example a default value or a test's expected condition. */
  public static Expression parseExpression(String text) {
    return guarded(1, 1, () -> new ExpressionBuilder().expression(
        parseTree(text, 1, 1, SluiceParser::standaloneExpression, SluiceParser.RULE_standaloneExpression).expression()));
  }

  /** Parses a type such as {@code STRUCT<A INT, B ARRAY<STRING>>}. */
  public static Type parseType(String text) {
    return guarded(1, 1, () -> new ExpressionBuilder().type(
        parseTree(text, 1, 1, SluiceParser::standaloneType, SluiceParser.RULE_standaloneType).type()));
  }

  /** Parsing and tree building recurse with the nesting of the input; absurd nesting must still give a position. */
  private static <T> T guarded(int line, int column, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (StackOverflowError e) {
      throw new SqlParseException(new Position(line, column), "Statement is too deeply nested to parse");
    }
  }

  /**
   * The {@code String} index of a code-point index: ANTLR counts code points, Java strings count UTF-16
   * chars, and the two differ after any character outside the BMP (an emoji, say).
   */
  private static int charIndex(String text, int codePointIndex) {
    return bmpOnly(text) ? codePointIndex : text.offsetByCodePoints(0, codePointIndex);
  }

  private static boolean bmpOnly(String text) {
    return text.length() == text.codePointCount(0, text.length());
  }

  /** One statement of a script: its text including the terminating semicolon, and where it starts. */
  private record Chunk(String text, int line, int column) {}

  /**
   * Cuts a script at the semicolons the lexer sees on its default channel, so that semicolons in strings,
   * quoted names and comments do not split. An unterminated string or comment runs to the end of the
   * script, so it ends up in the last statement, which reports it.
   */
  private static List<Chunk> split(String script) {
    SluiceLexer lexer = new SluiceLexer(CharStreams.fromString(script));
    boolean bmp = bmpOnly(script);
    lexer.removeErrorListeners();
    List<Chunk> chunks = new ArrayList<>();
    Token first = null;
    for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
      boolean end = token.getType() == Token.EOF;
      if (!end && token.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (end || token.getType() == SluiceLexer.SEMICOLON) {
        if (first != null) {
          int from = bmp ? first.getStartIndex() : script.offsetByCodePoints(0, first.getStartIndex());
          int stop = end ? script.length()
              : bmp ? token.getStopIndex() + 1 : script.offsetByCodePoints(0, token.getStopIndex() + 1);
          chunks.add(new Chunk(script.substring(from, stop), first.getLine(), first.getCharPositionInLine() + 1));
        }
        first = null;
        if (end) {
          return chunks;
        }
      } else if (first == null) {
        first = token;
      }
    }
  }

  private static <T extends ParserRuleContext> T parseTree(String text, int line, int column,
      Function<SluiceParser, T> rule, int ruleIndex) {
    SluiceLexer lexer = new SluiceLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.setLine(line);
    lexer.setCharPositionInLine(column - 1);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    checkLexical(tokens.getTokens());

    SluiceParser parser = new SluiceParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return rule.apply(parser);
    } catch (ParseCancellationException sllFailed) {
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(new ErrorListener(tokens, ruleIndex));
      return rule.apply(parser);
    }
  }

  /** Lexical problems have a clearer message than the syntax error they would otherwise cause. */
  private static void checkLexical(List<Token> tokens) {
    for (Token token : tokens) {
      String problem = switch (token.getType()) {
        case SluiceLexer.UNTERMINATED_STRING -> "Unterminated string literal";
        case SluiceLexer.UNTERMINATED_QUOTED_IDENTIFIER, SluiceLexer.UNTERMINATED_BACKQUOTED_IDENTIFIER ->
            "Unterminated quoted identifier";
        case SluiceLexer.UNTERMINATED_COMMENT -> "Unterminated comment";
        case SluiceLexer.VARIABLE -> "Undefined variable: " + token.getText();
        default -> null;
      };
      if (problem != null) {
        throw new SqlParseException(Names.pos(token), problem);
      }
    }
  }

  /** Turns the first syntax error of the LL pass into a {@link SqlParseException}; never prints anything. */
  private static final class ErrorListener extends BaseErrorListener {
    private final CommonTokenStream tokens;
    private final int ruleIndex;

    ErrorListener(CommonTokenStream tokens, int ruleIndex) {
      this.tokens = tokens;
      this.ruleIndex = ruleIndex;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
        String msg, RecognitionException e) {
      List<Token> visible = new ArrayList<>();
      for (Token token : tokens.getTokens()) {
        if (token.getChannel() == Token.DEFAULT_CHANNEL) {
          visible.add(token);
        }
      }
      SqlParseException explained = SyntaxErrors.explain(visible, ruleIndex);
      if (explained != null) {
        throw explained;
      }
      String near = offendingSymbol instanceof Token token && token.getType() != Token.EOF
          ? "Syntax error at or near '" + token.getText() + "'" : "Syntax error at end of input";
      throw new SqlParseException(new Position(line, charPositionInLine + 1), near);
    }
  }
}
