package dev.sluice.parser;

import dev.sluice.parser.ast.Position;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The one place where identifiers are normalized (unquoted upper-cased with {@link Locale#ROOT}, quoted kept
 * verbatim) and where ANTLR's 0-based columns become the 1-based columns of {@link Position}.
 */
final class Names {
  private Names() {}

  static Position pos(Token token) {
    return new Position(token.getLine(), token.getCharPositionInLine() + 1);
  }

  static Position pos(ParserRuleContext ctx) {
    return pos(ctx.getStart());
  }

  static String identifier(SluiceParser.IdentifierContext ctx) {
    if (ctx instanceof SluiceParser.QuotedIdentifierContext) {
      return unquote(ctx.getText(), '"');
    }
    if (ctx instanceof SluiceParser.BackQuotedIdentifierContext) {
      return unquote(ctx.getText(), '`');
    }
    return ctx.getText().toUpperCase(Locale.ROOT);
  }

  /** The name as written, for Kafka topic and subject names, which are case-sensitive. */
  static String caseSensitive(SluiceParser.IdentifierContext ctx) {
    return ctx instanceof SluiceParser.UnquotedIdentifierContext ? ctx.getText() : identifier(ctx);
  }

  /** {@code 'it''s'} to {@code it's}: strips the outer quotes and undoubles the inner ones. */
  static String unquote(String quoted, char quote) {
    String q = String.valueOf(quote);
    return quoted.substring(1, quoted.length() - 1).replace(q + q, q);
  }

  static String string(Token stringToken) {
    return unquote(stringToken.getText(), '\'');
  }
}
