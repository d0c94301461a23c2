package dev.sluice.server.rest;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The content types of ksqlDB's REST API and the negotiation rules the handlers share: answer in the
 * versioned type when the client asks for it, plain JSON otherwise.
 */
final class MediaTypes {

  static final String JSON = "application/json";
  static final String KSQL_V1 = "application/vnd.ksql.v1+json";
  static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";

  private MediaTypes() {}

  /** {@link #KSQL_V1} if the request's Accept names it, else {@link #JSON}. */
  static String jsonFor(RoutingContext ctx) {
    return accepts(ctx, KSQL_V1) ? KSQL_V1 : JSON;
  }

  static boolean accepts(RoutingContext ctx, String type) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(type);
  }

  /**
   * Whether a request body of this Content-Type may be read as JSON. Besides the JSON types, a missing type,
   * {@code text/plain} and {@code application/x-www-form-urlencoded} are accepted, because that is what
   * {@code curl -d} sends and ksqlDB reads such bodies as JSON too; other types (multipart, XML ...) are not.
   */
  static boolean isJsonRequest(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals(JSON) || type.endsWith("+json") || type.equals(DELIMITED) || type.equals("*/*")
        || type.equals("text/plain") || type.equals("application/x-www-form-urlencoded");
  }
}
