package dev.sluice.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Sluice version, as Maven built it (a filtered resource), for {@code GET /info} and the startup line.
 */
public final class Version {

  private static final String VERSION = load();

  private Version() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "dev");
      return version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
