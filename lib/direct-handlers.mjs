// Route handlers bin/server may call itself, off Next.js's request path. A route module
// offers its handler when Next first loads it (so the function, and every module it uses,
// is the one Next's own copy of the route runs); from then on the server in front hands
// it the requests its rules allow (bin/server/direct.mjs) and Next sees the rest.
// Shared by both sides, hence plain JavaScript.

const REGISTRY = Symbol.for("quire.directHandlers");

/** @typedef {(request: Request) => Promise<Response>} DirectHandler */

/** @returns {Map<string, DirectHandler>} */
function registry() {
  const scope = /** @type {Record<symbol, Map<string, DirectHandler>>} */ (/** @type {unknown} */ (globalThis));
  return (scope[REGISTRY] ??= new Map());
}

/**
 * @param {string} path
 * @param {DirectHandler} handler
 */
export function offerDirectly(path, handler) {
  registry().set(path, handler);
}

/** @param {string} path */
export function directHandler(path) {
  return registry().get(path);
}
