package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which cases the runner does not run, and says why, so that nothing is skipped silently. The reason
 * starts with its category ({@code disabled}, {@code schema-registry}, {@code protobuf-nosr},
 * {@code test-function}, {@code engine-specific}) followed by a colon.
 */
final class CaseClassifier {
  private static final Pattern SR_FORMAT = Pattern.compile("\\b(AVRO|PROTOBUF|JSON_SR)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOSR_FORMAT = Pattern.compile("\\bPROTOBUF_NOSR\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z_0-9]*)\\s*\\(");

  /** Functions that exist only in ksqlDB's test suite (its test UDF, UDAF and UDTF classes). */
  static final Set<String> TEST_FUNCTIONS = Set.of("BACKWARD_CONCAT", "BAD_TEST_UDAF", "BAD_TEST_UDF",
      "BAD_TEST_UDTF", "BAD_UDF", "COMPLEXFUNCTION", "CONFIGURABLEUDF", "DECIMALSTRUCT", "E2ECONFIGURABLEUDF",
      "FIVE_ARG", "FOUR_ARG", "GENERIC_VAR_ARG", "KSQLSTRUCTUDF", "MID_VAR_ARG", "MISSINGANNOTATION",
      "MISSINGSCHEMAPROVIDERMETHOD", "MULTIPLY", "MULTIPLY2", "MULTI_ARG", "OBJ_COL_ARG", "RETURNDECIMAL",
      "RETURNDECIMALWITHOUTSCHEMAPROVIDER", "RETURNINCOMPATIBLE", "SOMEFUNCTION", "TEST_UDAF", "TEST_UDF",
      "TEST_UDF_1", "TEST_UDTF", "TEST_UDTF1", "TEST_UDTF2", "THROWING_UDTF", "TOLIST", "TOMAP", "TOSTRING",
      "TOSTRUCT", "VAR_ARG", "WHENCONDITION", "WHENRESULT");

  private CaseClassifier() {}

  /** The registry formats the runner runs cases of when it has a Schema Registry. */
  static final Set<String> RUNNABLE_REGISTRY_FORMATS = Set.of("AVRO", "PROTOBUF", "JSON_SR");

  /** Why the case is not run without a Schema Registry, or empty when it is. */
  static Optional<String> skipReason(TestCase tc) {
    return skipReason(tc, false);
  }

  /** Whether the case needs a Schema Registry: a registry format, or schemas in {@code topics[]}. */
  static boolean usesRegistry(TestCase tc) {
    String text = NOSR_FORMAT.matcher(String.join(" ", tc.statements()) + " " + tc.properties()).replaceAll("");
    return SR_FORMAT.matcher(text).find() || schemaField(tc) != null;
  }

  private static String schemaField(TestCase tc) {
    for (JsonNode topic : tc.topics()) {
      Iterator<String> fields = topic.fieldNames();
      while (fields.hasNext()) {
        String f = fields.next();
        if (f.toLowerCase(Locale.ROOT).contains("schema")) {
          return f;
        }
      }
    }
    return null;
  }

  /**
   * Why the case is not run, or empty when it is.
   *
   * @param registry whether a Schema Registry is available
   */
  static Optional<String> skipReason(TestCase tc, boolean registry) {
    if (!tc.enabled()) {
      return Optional.of("disabled: the test sets \"enabled\": false");
    }
    String text = String.join(" ", tc.statements()) + " " + tc.properties();
    String withoutNoSr = NOSR_FORMAT.matcher(text).replaceAll("");
    Matcher sr = SR_FORMAT.matcher(withoutNoSr);
    while (sr.find()) {
      String format = sr.group(1).toUpperCase(Locale.ROOT);
      if (!registry) {
        return Optional.of("schema-registry: uses the " + format + " format, which needs a Schema Registry");
      }
      if (!RUNNABLE_REGISTRY_FORMATS.contains(format)) {
        return Optional.of("schema-registry: uses the " + format + " format, not supported yet");
      }
    }
    String field = schemaField(tc);
    if (field != null) {
      if (!registry) {
        return Optional.of("schema-registry: topics[] registers a schema (" + field + ")");
      }
      for (JsonNode topic : tc.topics()) {
        for (String side : List.of("key", "value")) {
          if (topic.has(side + "Schema")) {
            String format = topic.path(side + "Format").asText("AVRO").toUpperCase(Locale.ROOT);
            // a JSON topic's schema is registered as a JSON schema, as the reference harness does
            if (!RUNNABLE_REGISTRY_FORMATS.contains(format) && !format.equals("JSON")) {
              return Optional.of("schema-registry: topics[] registers a " + format + " schema, not supported yet");
            }
          }
        }
      }
    }
    Matcher call = CALL.matcher(String.join(" ", tc.statements()));
    while (call.find()) {
      String fn = call.group(1).toUpperCase(Locale.ROOT);
      if (TEST_FUNCTIONS.contains(fn)) {
        return Optional.of("test-function: calls " + fn + ", a function of ksqlDB's test suite");
      }
    }
    JsonNode topics = tc.post() == null ? null : tc.post().path("topics").get("topics");
    if (topics != null && topics.isArray()) {
      for (JsonNode t : topics) {
        String name = t.path("name").asText();
        if (isInternal(name)) {
          return Optional.of("engine-specific: post.topics checks ksqlDB's internal topic names");
        }
      }
    }
    return Optional.empty();
  }

  /** ksqlDB's and Kafka Streams' internal topics: repartition and changelog topics of its queries. */
  static boolean isInternal(String topic) {
    return topic.startsWith("_confluent-ksql-") || topic.endsWith("-repartition") || topic.endsWith("-changelog");
  }
}
