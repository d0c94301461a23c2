/**
 * The SQL test runner: runs test files in ksqlDB's QTT JSON format (Sluice's own {@code sql-tests} and
 * ksqlDB's conformance corpus) on the engine's real statement executors and topologies, without a broker.
 *
 * <p>Each case gets a fresh {@link dev.sluice.engine.exec.EngineContext} whose Kafka side is in memory
 * ({@link dev.sluice.engine.testing.InMemoryKafka}); persistent queries are captured instead of started
 * and then driven by Kafka Streams' {@code TopologyTestDriver}, one query after the other in statement
 * order, one input record at a time, with caching off. {@link dev.sluice.engine.testing.SluiceTest} is the
 * command line ({@code bin/sluice-test}); docs/testing.md is the user's guide.
 */
package dev.sluice.engine.testing;
