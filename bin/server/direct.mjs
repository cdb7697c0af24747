// The comment form's JSON POSTs, answered here by the app's own route handler instead of
// through Next's router: Next's request handling (routing, its request and response
// wrappers, web streams, tracing) was about half of such a POST's CPU. The handler is the
// very function app/api/comments/route.ts exports, offered once Next has loaded that route
// (lib/direct-handlers.mjs); it checks the origin, parses the body with zod and applies
// the comment rules itself, as it does under Next. Only cookie-less readers come this
// way (rules.mjs directRoute): a staff session needs Auth.js in Next's request scope.
import { directHandler } from "../../lib/direct-handlers.mjs";
import { DATA_POLICY, SITE_HEADERS } from "../../lib/security/response-headers.mjs";
import { directRoute } from "./rules.mjs";

/**
 * The handler that may answer this request, or null when Next must.
 * @param {import("node:http").IncomingMessage} request
 */
export function directFor(request) {
  const path = directRoute(request);
  return (path && directHandler(path)) ?? null;
}

/**
 * Reads the (small, declared-length) body, hands the handler a web Request as Next would,
 * and sends its answer with the headers Next and proxy.ts add to every API answer.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {(request: Request) => Promise<Response>} handler
 */
export async function answerDirect(request, response, handler) {
  const chunks = [];
  try {
    for await (const chunk of request) chunks.push(chunk);
  } catch {
    return response.destroy(); // the client left half-way through its body
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  // Only the path matters to the handler; the host it compares Origin with is the Host header.
  const answer = await handler(
    new Request(`http://localhost${request.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }),
  );
  const body = Buffer.from(await answer.arrayBuffer());
  /** @type {Record<string, string>} */
  const sent = Object.fromEntries(answer.headers);
  for (const { key, value } of SITE_HEADERS) sent[key.toLowerCase()] = value;
  sent["content-security-policy"] = DATA_POLICY;
  sent["content-length"] = String(body.length);
  sent["x-quire-cache"] = "direct";
  if (response.destroyed) return;
  response.writeHead(answer.status, sent);
  response.end(body);
}
