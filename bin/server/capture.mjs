// Collects what Next's handler writes to a response instead of sending it, so that it
// can be stored and compressed before anything goes out. Next writes with
// setHeader/writeHead, flushHeaders, write and end (server/pipe-readable.js); the real
// methods are put back before the captured response is answered.
const PATCHED = ["writeHead", "flushHeaders", "write", "end"];

function toBuffer(chunk, encoding) {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return undefined;
  return typeof chunk === "string"
    ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
    : Buffer.from(chunk);
}

/**
 * Resolves with { status, headers, body } once Next has ended the response, or with
 * null when the client went away first (a half-rendered page must never be stored).
 * @param {import("node:http").ServerResponse} response
 * @returns {Promise<{ status: number, headers: import("node:http").OutgoingHttpHeaders, body: Buffer } | null>}
 */
export function captureResponse(response) {
  return new Promise((resolve) => {
    const chunks = [];
    const own = PATCHED.map((name) => [name, Object.prototype.hasOwnProperty.call(response, name), response[name]]);
    let settled = false;
    const settle = (value) => {
      if (settled) return;
      settled = true;
      for (const [name, wasOwn, fn] of own) {
        if (wasOwn) response[name] = fn;
        else delete response[name];
      }
      resolve(value);
    };
    const later = (callback) => typeof callback === "function" && process.nextTick(callback);

    response.writeHead = (status, reason, headers) => {
      response.statusCode = status;
      const list = typeof reason === "string" ? headers : reason;
      if (Array.isArray(list)) {
        const pairs = Array.isArray(list[0]) ? list : list.flatMap((_, i) => (i % 2 ? [] : [[list[i], list[i + 1]]]));
        for (const [name, value] of pairs) response.appendHeader(name, value);
      } else if (list) {
        for (const [name, value] of Object.entries(list)) response.setHeader(name, value);
      }
      return response;
    };
    response.flushHeaders = () => {};
    response.write = (chunk, encoding, callback) => {
      const bytes = toBuffer(chunk, encoding);
      if (bytes?.length) chunks.push(bytes);
      later(typeof encoding === "function" ? encoding : callback);
      return true;
    };
    response.end = (chunk, encoding, callback) => {
      const bytes = toBuffer(chunk, encoding);
      if (bytes?.length) chunks.push(bytes);
      later([chunk, encoding, callback].find((arg) => typeof arg === "function"));
      settle(
        response.destroyed
          ? null
          : { status: response.statusCode, headers: response.getHeaders(), body: Buffer.concat(chunks) },
      );
      return response;
    };
    response.once("close", () => settle(null));
  });
}
