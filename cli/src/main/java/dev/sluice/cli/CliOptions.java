package dev.sluice.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link SluiceCli}, parsed and checked. Options follow ksqlDB's CLI:
 * {@code [server-url] [-e sql] [-f file] [-d var=value ...] [-u user -p password] [--output fmt]
 * [--query-row-limit n] [--query-timeout ms]}; {@code --name=value} is accepted too.
 */
public record CliOptions(String server, String execute, Path file, Map<String, String> defines, String user,
    String password, OutputFormat output, long queryRowLimit, long queryTimeoutMs, boolean help,
    boolean version) {

  public static final String DEFAULT_SERVER = "http://localhost:8088";

  public static final String USAGE = String.join("\n",
      "Usage: sluice-cli [server-url] [options]",
      "",
      "  server-url                   the Sluice (or ksqlDB) server, default " + DEFAULT_SERVER,
      "  -e, --execute <sql>          run these statements and exit",
      "  -f, --file <file.sql>        run the statements in this file and exit",
      "  -d, --define <var>=<value>   define a session variable (repeatable)",
      "  -u, --user <user>            user for HTTP Basic authentication",
      "  -p, --password <password>    password for HTTP Basic authentication",
      "      --output <TABULAR|JSON>  how results print (default TABULAR)",
      "      --query-row-limit <n>    stop queries after n rows",
      "      --query-timeout <ms>     stop queries after this many milliseconds",
      "  -h, --help                   show this help",
      "      --version                show the CLI version",
      "");

  /** Wrong command line; the message says what is wrong. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  /** Whether the CLI runs statements and exits instead of showing a prompt. */
  public boolean batch() {
    return execute != null || file != null;
  }

  public static CliOptions parse(String... arguments) throws UsageException {
    Arguments args = new Arguments(arguments);
    String server = null;
    String execute = null;
    Path file = null;
    Map<String, String> defines = new LinkedHashMap<>();
    String user = null;
    String password = null;
    OutputFormat output = OutputFormat.TABULAR;
    long rowLimit = 0;
    long timeout = 0;
    boolean help = false;
    boolean version = false;
    while (args.hasNext()) {
      String arg = args.next();
      String inlineValue = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        inlineValue = arg.substring(arg.indexOf('=') + 1);
        arg = arg.substring(0, arg.indexOf('='));
      }
      switch (arg) {
        case "-h":
        case "--help":
          help = true;
          break;
        case "--version":
          version = true;
          break;
        case "-e":
        case "--execute":
          execute = args.value(arg, inlineValue);
          break;
        case "-f":
        case "--file":
          file = Path.of(args.value(arg, inlineValue));
          break;
        case "-d":
        case "--define": {
          String definition = args.value(arg, inlineValue);
          int equals = definition.indexOf('=');
          if (equals <= 0) {
            throw new UsageException("Expected <var>=<value> after " + arg + ", got: " + definition);
          }
          defines.put(definition.substring(0, equals).trim(), definition.substring(equals + 1));
          break;
        }
        case "-u":
        case "--user":
          user = args.value(arg, inlineValue);
          break;
        case "-p":
        case "--password":
          password = args.value(arg, inlineValue);
          break;
        case "--output":
          try {
            output = OutputFormat.parse(args.value(arg, inlineValue));
          } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
          }
          break;
        case "--query-row-limit":
          rowLimit = number(arg, args.value(arg, inlineValue));
          break;
        case "--query-timeout":
          timeout = number(arg, args.value(arg, inlineValue));
          break;
        default:
          if (arg.startsWith("-") && arg.length() > 1) {
            throw new UsageException("Unknown option: " + arg);
          }
          if (server != null) {
            throw new UsageException("Only one server address may be given, got " + server + " and " + arg);
          }
          server = arg;
      }
    }
    if (execute != null && file != null) {
      throw new UsageException("Use either -e or -f, not both");
    }
    if (password != null && user == null) {
      throw new UsageException("-p/--password needs -u/--user");
    }
    return new CliOptions(server == null ? DEFAULT_SERVER : server, execute, file,
        Collections.unmodifiableMap(defines), user, password, output, rowLimit, timeout, help, version);
  }

  /** The arguments left to read; an option's value is inline ({@code --x=v}) or the next argument. */
  private static final class Arguments {
    private final String[] values;
    private int next;

    Arguments(String[] values) {
      this.values = values;
    }

    boolean hasNext() {
      return next < values.length;
    }

    String next() {
      return values[next++];
    }

    String value(String option, String inlineValue) throws UsageException {
      if (inlineValue != null) {
        return inlineValue;
      }
      if (!hasNext()) {
        throw new UsageException("Missing value after " + option);
      }
      return next();
    }
  }

  private static long number(String option, String text) throws UsageException {
    try {
      long value = Long.parseLong(text.trim());
      if (value < 0) {
        throw new UsageException(option + " must not be negative: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a whole number, got: " + text);
    }
  }
}
