/**
 * The ksqlDB-compatible REST API on Vert.x: one handler class per endpoint, one failure handler that maps
 * every error to ksqlDB's error JSON, and the streaming of query rows to HTTP responses. It sees the engine
 * only through {@link dev.sluice.server.rest.EngineFacade}.
 */
package dev.sluice.server.rest;
