package dev.sluice.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The server's command line: {@code --config file} loads a Java properties file, then {@code --listeners},
 * {@code --data-dir} and {@code --bootstrap-servers} override what it says. Each flag is a shorthand for one
 * key of {@link ServerConfig}; the file can set every key. Both {@code --flag value} and {@code --flag=value}
 * work.
 *
 * @param config the merged, validated configuration
 * @param help {@code --help} was given: print {@link #USAGE} and exit
 * @param version {@code --version} was given: print the version and exit
 */
public record CommandLine(ServerConfig config, boolean help, boolean version) {

  /** Flags that set one configuration key each. */
  static final Map<String, String> FLAGS = Map.of(
      "--listeners", ServerConfig.LISTENERS,
      "--data-dir", ServerConfig.DATA_DIR,
      "--bootstrap-servers", ServerConfig.BOOTSTRAP_SERVERS);

  public static final String USAGE = String.join("\n",
      "Usage: sluice server [options]",
      "  --config <file>              Java properties file with any key of docs/configuration.md",
      "  --listeners <url>            REST listeners (listeners), default http://0.0.0.0:8088",
      "  --data-dir <dir>             data directory (sluice.data.dir), default ./data",
      "  --bootstrap-servers <hosts>  use this Kafka cluster (bootstrap.servers); none = local mode",
      "  --version                    print the version",
      "  --help                       print this help",
      "Flags override the file.");

  /** A mistake on the command line, reported as one line followed by a hint to use --help. */
  public static final class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses {@code args}.
   *
   * @throws UsageException for an unknown flag, a missing value or an unreadable config file
   * @throws org.apache.kafka.common.config.ConfigException for a value the declarations reject
   */
  public static CommandLine parse(String... args) {
    Map<String, Object> fromFlags = new HashMap<>();
    Path configFile = null;
    boolean help = false;
    boolean version = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String flag = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (flag.equals("--help") || flag.equals("-h")) {
        help = true;
        continue;
      }
      if (flag.equals("--version")) {
        version = true;
        continue;
      }
      if (!flag.equals("--config") && !FLAGS.containsKey(flag)) {
        throw new UsageException("unknown option: " + arg);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("option " + flag + " needs a value");
        }
        value = args[++i];
      }
      if (flag.equals("--config")) {
        configFile = Path.of(value);
      } else {
        fromFlags.put(FLAGS.get(flag), value);
      }
    }
    Map<String, Object> merged = new HashMap<>();
    if (configFile != null) {
      merged.putAll(load(configFile));
    }
    merged.putAll(fromFlags);
    return new CommandLine(ServerConfig.of(merged), help, version);
  }

  /** Reads a properties file (UTF-8) into a map of its string keys and values. */
  static Map<String, Object> load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, Object> map = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key).trim()));
    return map;
  }
}
