/**
 * The HTTP client for the ksqlDB-compatible REST API ({@code /info}, {@code /ksql},
 * {@code /query-stream}, {@code /close-query}), on the JDK's {@code java.net.http} only. No server code.
 */
package dev.sluice.cli.rest;
