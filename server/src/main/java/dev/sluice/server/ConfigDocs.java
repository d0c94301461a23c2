package dev.sluice.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Generates {@code docs/configuration.md} from {@link ServerConfig#DEFINITION}, so the reference can never
 * disagree with the code: {@code ConfigurationDocTest} fails when the checked-in page is stale.
 *
 * <p>Regenerate with {@code mvn -o -pl server test -Dtest=ConfigurationDocTest -Dsluice.docs.update=true},
 * or run this class with the output path as its only argument.
 */
public final class ConfigDocs {

  /** How to bring the page up to date; printed by the test that checks it. */
  public static final String REGENERATE =
      "mvn -o -pl server test -Dtest=ConfigurationDocTest -Dsluice.docs.update=true";

  private ConfigDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ConfigDocs <output.md>");
      System.exit(2);
    }
    Files.writeString(Path.of(args[0]), markdown(), StandardCharsets.UTF_8);
  }

  /** The whole page. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Configuration reference\n\n")
        .append("<!-- Generated from dev.sluice.server.ServerConfig by dev.sluice.server.ConfigDocs: do not edit.\n")
        .append("     Regenerate with: ").append(REGENERATE).append(" -->\n\n")
        .append("The server reads a Java properties file given with `--config <file>`; the command-line flags\n")
        .append("below override it. Without any configuration it runs in local mode: an embedded Kafka broker\n")
        .append("on 127.0.0.1:9092 and all data under `./data`.\n\n")
        .append("```properties\n")
        .append("# sluice.properties\n")
        .append("listeners=http://0.0.0.0:8088\n")
        .append("bootstrap.servers=kafka1:9092,kafka2:9092\n")
        .append("ksql.service.id=orders_\n")
        .append("ksql.streams.num.stream.threads=2\n")
        .append("```\n\n")
        .append("## Command-line flags\n\n")
        .append("| flag | sets |\n| --- | --- |\n")
        .append("| `--config <file>` | reads every key below from a properties file |\n");
    CommandLine.FLAGS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(flag ->
        md.append("| `").append(flag.getKey()).append(" <value>` | `").append(flag.getValue()).append("` |\n"));
    md.append("\n## Kafka Streams properties\n\n")
        .append("Every key that starts with `").append(ServerConfig.STREAMS_PREFIX).append("` is passed, without\n")
        .append("that prefix, to Kafka Streams and its clients for every persistent query, as in ksqlDB:\n")
        .append("`ksql.streams.num.stream.threads=2` sets `num.stream.threads`, and\n")
        .append("`ksql.streams.producer.compression.type=lz4` the producers' compression.\n")
        .append("`ksql.streams.state.dir` overrides where state stores live (default `<sluice.data.dir>/streams`).\n")
        .append("Other unknown keys are ignored with a warning at startup.\n\n")
        .append("## Keys\n");
    List<ConfigKey> keys = ServerConfig.DEFINITION.configKeys().values().stream()
        .sorted((a, b) -> a.name.compareTo(b.name))
        .collect(Collectors.toList());
    for (ConfigKey key : keys) {
      md.append("\n### `").append(key.name).append("`\n\n")
          .append(key.documentation).append("\n\n")
          .append("| type | default | valid values | importance |\n| --- | --- | --- | --- |\n")
          .append("| ").append(key.type.name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ").append(defaultText(key))
          .append(" | ").append(key.validator == null ? "" : key.validator.toString())
          .append(" | ").append(key.importance.name().toLowerCase(java.util.Locale.ROOT)).append(" |\n");
    }
    return md.toString();
  }

  private static String defaultText(ConfigKey key) {
    if (!key.hasDefault()) {
      return "(required)";
    }
    String text = ConfigDef.convertToString(key.defaultValue, key.type);
    return text == null || text.isEmpty() ? "(empty)" : "`" + text + "`";
  }
}
