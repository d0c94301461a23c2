package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edge cases of {@link UrlFunctions}: text that is no URL, missing parts, encoding, NULLs. */
class UrlFunctionsTest {
  private static final String URL = "https://user@example.com:8080/a%20b/c?x=1&y=caf%C3%A9&flag&x=2#frag%21";

  @Test
  @Covers({"URL_EXTRACT_HOST", "URL_EXTRACT_PATH", "URL_EXTRACT_PORT", "URL_EXTRACT_PROTOCOL",
      "URL_EXTRACT_QUERY", "URL_EXTRACT_FRAGMENT"})
  void partsAreDecodedAndMissingPartsAreNull() {
    assertThat(UrlFunctions.urlExtractHost(URL)).isEqualTo("example.com");
    assertThat(UrlFunctions.urlExtractPath(URL)).isEqualTo("/a b/c");
    assertThat(UrlFunctions.urlExtractPort(URL)).isEqualTo(8080);
    assertThat(UrlFunctions.urlExtractProtocol(URL)).isEqualTo("https");
    assertThat(UrlFunctions.urlExtractQuery(URL)).isEqualTo("x=1&y=café&flag&x=2");
    assertThat(UrlFunctions.urlExtractFragment(URL)).isEqualTo("frag!");
    String bare = "http://example.com";
    assertThat(UrlFunctions.urlExtractPort(bare)).isNull();
    assertThat(UrlFunctions.urlExtractQuery(bare)).isNull();
    assertThat(UrlFunctions.urlExtractFragment(bare)).isNull();
    assertThat(UrlFunctions.urlExtractPath(bare)).isEmpty();
    assertThat(UrlFunctions.urlExtractProtocol("/relative/path")).isNull();
    assertThat(UrlFunctions.urlExtractHost("mailto:someone@example.com")).isNull();
  }

  @Test
  @Covers({"URL_EXTRACT_HOST", "URL_EXTRACT_PATH", "URL_EXTRACT_PORT", "URL_EXTRACT_PROTOCOL",
      "URL_EXTRACT_QUERY", "URL_EXTRACT_FRAGMENT", "URL_EXTRACT_PARAMETER"})
  void textThatIsNoUrlAndNullsGiveNull() {
    for (String bad : new String[] {"not a url", "http://[::1", "http://exa mple.com/", null}) {
      assertThat(UrlFunctions.urlExtractHost(bad)).isNull();
      assertThat(UrlFunctions.urlExtractPath(bad)).isNull();
      assertThat(UrlFunctions.urlExtractPort(bad)).isNull();
      assertThat(UrlFunctions.urlExtractProtocol(bad)).isNull();
      assertThat(UrlFunctions.urlExtractQuery(bad)).isNull();
      assertThat(UrlFunctions.urlExtractFragment(bad)).isNull();
      assertThat(UrlFunctions.urlExtractParameter(bad, "x")).isNull();
    }
    assertThat(UrlFunctions.urlExtractParameter(URL, null)).isNull();
  }

  @Test
  @Covers("URL_EXTRACT_PARAMETER")
  void parametersFirstOccurrenceDecodedAndEmptyWithoutValue() {
    assertThat(UrlFunctions.urlExtractParameter(URL, "x")).isEqualTo("1");
    assertThat(UrlFunctions.urlExtractParameter(URL, "y")).isEqualTo("café");
    assertThat(UrlFunctions.urlExtractParameter(URL, "flag")).isEmpty();
    assertThat(UrlFunctions.urlExtractParameter(URL, "absent")).isNull();
    assertThat(UrlFunctions.urlExtractParameter("http://h/?a=b%26c&d=e=f", "a")).isEqualTo("b&c");
    assertThat(UrlFunctions.urlExtractParameter("http://h/?a=b%26c&d=e=f", "d")).isEqualTo("e=f");
    assertThat(UrlFunctions.urlExtractParameter("http://h/", "a")).isNull();
  }

  @Test
  @Covers({"URL_ENCODE_PARAM", "URL_DECODE_PARAM"})
  void encodingRoundTripsUnicodeAndBadEscapesGiveNull() {
    String text = "a b&c=d/é😀";
    String encoded = UrlFunctions.urlEncodeParam(text);
    assertThat(encoded).isEqualTo("a+b%26c%3Dd%2F%C3%A9%F0%9F%98%80");
    assertThat(UrlFunctions.urlDecodeParam(encoded)).isEqualTo(text);
    assertThat(UrlFunctions.urlDecodeParam("%zz")).isNull();
    assertThat(UrlFunctions.urlDecodeParam("100%")).isNull();
    assertThat(UrlFunctions.urlEncodeParam("")).isEmpty();
    assertThat(UrlFunctions.urlEncodeParam(null)).isNull();
    assertThat(UrlFunctions.urlDecodeParam(null)).isNull();
  }
}
