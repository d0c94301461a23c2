package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup failures the user can fix are reported as one clear sentence, before anything else starts. */
class SluiceServerStartupTest {

  @Test
  void portConflictFailsFastWithOneLine(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ServerConfig config = ServerConfig.defaults()
          .with(ServerConfig.LISTENERS, "http://127.0.0.1:" + taken.getLocalPort())
          .with(ServerConfig.DATA_DIR, dir.toString());

      assertThatThrownBy(() -> SluiceServer.start(config))
          .isInstanceOf(StartupException.class)
          .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (listener http://127.0.0.1:"
              + taken.getLocalPort() + "); stop the other process or choose another port with --listeners");
    }
    assertThat(Files.exists(dir.resolve("kafka"))).as("the broker never started").isFalse();
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(Version.get()).isNotBlank().doesNotStartWith("${");
  }
}
