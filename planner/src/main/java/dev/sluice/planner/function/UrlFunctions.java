package dev.sluice.planner.function;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Functions over URLs. A string that is not a URL gives NULL. */
public final class UrlFunctions {
  private UrlFunctions() {}

  private static final String CAT = "URL";

  private static URI uri(String url) {
    if (url == null) {
      return null;
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  @Udf(name = "URL_EXTRACT_HOST", category = CAT, description = "The host of a URL.")
  public static String urlExtractHost(@UdfParam("input") String input) {
    URI u = uri(input);
    return u == null ? null : u.getHost();
  }

  @Udf(name = "URL_EXTRACT_PATH", category = CAT, description = "The decoded path of a URL.")
  public static String urlExtractPath(@UdfParam("input") String input) {
    URI u = uri(input);
    return u == null ? null : u.getPath();
  }

  @Udf(name = "URL_EXTRACT_PORT", category = CAT, description = "The port of a URL, NULL if it has none.")
  public static Integer urlExtractPort(@UdfParam("input") String input) {
    URI u = uri(input);
    return u == null || u.getPort() < 0 ? null : u.getPort();
  }

  @Udf(name = "URL_EXTRACT_PROTOCOL", category = CAT, description = "The scheme of a URL.")
  public static String urlExtractProtocol(@UdfParam("input") String input) {
    URI u = uri(input);
    return u == null ? null : u.getScheme();
  }

  @Udf(name = "URL_EXTRACT_QUERY", category = CAT, description = "The decoded query of a URL.")
  public static String urlExtractQuery(@UdfParam("input") String input) {
    URI u = uri(input);
    return u == null ? null : u.getQuery();
  }

  @Udf(name = "URL_EXTRACT_FRAGMENT", category = CAT, description = "The decoded fragment of a URL.")
  public static String urlExtractFragment(@UdfParam("input") String input) {
    URI u = uri(input);
    return u == null ? null : u.getFragment();
  }

  @Udf(name = "URL_EXTRACT_PARAMETER", category = CAT,
      description = "The decoded value of the first query parameter of that name; empty when it has no"
          + " value, NULL when it is absent.")
  public static String urlExtractParameter(@UdfParam("input") String input, @UdfParam("paramToFind") String param) {
    URI u = uri(input);
    if (u == null || param == null || u.getRawQuery() == null) {
      return null;
    }
    for (String pair : u.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (name.equals(param)) {
        // a parameter without '=' is present but empty, as in ksqlDB
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Udf(name = "URL_ENCODE_PARAM", category = CAT, description = "The string encoded for a query parameter.")
  public static String urlEncodeParam(@UdfParam("input") String input) {
    return input == null ? null : URLEncoder.encode(input, StandardCharsets.UTF_8);
  }

  @Udf(name = "URL_DECODE_PARAM", category = CAT, description = "A query parameter's value decoded.")
  public static String urlDecodeParam(@UdfParam("input") String input) {
    try {
      return input == null ? null : URLDecoder.decode(input, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
