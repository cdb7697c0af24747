// The node:http server bin/server.mjs listens with, and the limits it holds clients to.
// Node's defaults let a client take a minute to send its headers and five to send a
// request, and check only every 30 s: a few hundred sockets dribbling header bytes would
// hold the server's connections all that time. These are set explicitly, and checked often.
import http from "node:http";

export const HTTP_LIMITS = Object.freeze({
  /** The whole header block must arrive within this (a slow-headers client is cut off). */
  headersTimeout: 10_000,
  /** The whole request, body included: Node's own 5 minutes, kept so a 60 MB upload still fits a 2 Mbit/s line. */
  requestTimeout: 300_000,
  /** An idle keep-alive connection is closed after this (nginx's own upstream keep-alive is shorter). */
  keepAliveTimeout: 5_000,
  /** How often Node looks for connections past headersTimeout or requestTimeout. */
  connectionsCheckingInterval: 1_000,
});

/**
 * An http.Server with HTTP_LIMITS (or `limits`, for tests). maxRequestsPerSocket stays
 * unlimited: the render gate, not the connection, is what bounds a client's work.
 * @param {http.RequestListener} listener
 * @param {typeof HTTP_LIMITS} [limits]
 */
export function createFrontServer(listener, limits = HTTP_LIMITS) {
  const { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval } = limits;
  const server = http.createServer(
    { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval },
    listener,
  );
  // Set again as properties too: the documented place for each (and what the tests read).
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  server.keepAliveTimeout = keepAliveTimeout;
  return server;
}
