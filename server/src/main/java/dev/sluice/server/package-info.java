/**
 * The Sluice server process: configuration declared once ({@link dev.sluice.server.ServerConfig}), the
 * command line, the embedded Kafka broker of local mode ({@link dev.sluice.server.EmbeddedKafka}), and
 * {@link dev.sluice.server.SluiceServer}, which starts broker, engine and REST API and stops them in reverse.
 */
package dev.sluice.server;
