// Reader pages are read, not run: they are server-rendered React and need no JavaScript
// to show. Next.js still ships its client runtime with every App Router page (React,
// the router, the page's RSC payload inlined as scripts: about 125 KB compressed) so
// that the page can hydrate. Reader pages need none of it: their one interactive part,
// the comment form, works without JavaScript (a server action), and a small script of
// ours enhances it (public/comments.js, loaded by components/comments/comment-script.tsx).
// So the runtime is taken out of their HTML here, before it is cached or sent; the reader
// 404 too, once it is rendered on the server (see answer() below). Admin pages, APIs and
// Next's client-router requests are never touched.
import { notFoundAddress } from "../../lib/utils/not-found-address.mjs";
import { captureResponse } from "./capture.mjs";

// Never reader HTML: the admin (a React app), APIs, Next's files, uploads, feeds.
const NOT_READER = /^\/(?:admin|api|ghost|_next|media|unsubscribe|og)(?:[/?]|$)|\.(?:xml|json|txt|ico|png)(?:\?|$)/i;
// Next's client router asks for RSC payloads with these: answered untouched.
const ROUTER = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

/** Whether a request's answer may be a reader page whose runtime can go. */
export function mayStripRuntime({ method, url = "/", headers }) {
  if (method !== "GET") return false;
  if (NOT_READER.test(url) || /[?&]_rsc=/.test(url)) return false;
  return !ROUTER.some((name) => headers[name] !== undefined);
}

/** Whether the script starting at `open` (its opening tag `tag`) is Next's runtime. */
function isRuntimeScript(tag, body) {
  if (/\bsrc="\/_next\//.test(tag)) return true;
  if (/\btype="application\/ld\+json"/.test(tag)) return false;
  // Next's own inline scripts: the RSC payload (self.__next_f) and the chunk loader (TURBOPACK).
  return /^\s*(?:\(?self\.__next_f|\(?globalThis\["TURBOPACK"\])/.test(body);
}

/**
 * The HTML without Next's client runtime: its <script> tags (external and inline) and
 * the <link rel="preload" as="script"> hints for them. Everything else is kept as is.
 * @param {string} html
 */
export function stripRuntime(html) {
  let out = "";
  let at = 0;
  for (;;) {
    const open = html.indexOf("<script", at);
    if (open < 0) break;
    const tagEnd = html.indexOf(">", open);
    const close = html.indexOf("</script>", tagEnd);
    if (tagEnd < 0 || close < 0) break;
    const end = close + "</script>".length;
    const drop = isRuntimeScript(html.slice(open, tagEnd + 1), html.slice(tagEnd + 1, close));
    out += html.slice(at, drop ? open : end);
    at = end;
  }
  out += html.slice(at);
  return out.replace(/<link rel="(?:preload" as="script"|modulepreload")[^>]*>/g, "");
}

/** Whether an answer is Next's empty error shell, which only its runtime fills in. */
function isErrorShell({ status, headers, body }) {
  return (
    status === 404 &&
    /^text\/html/.test(String(headers["content-type"] ?? "")) &&
    body.includes('<html id="__next_error__"')
  );
}

/**
 * Wraps Next's request handler: reader pages (200 or 404, rendered on the server) are
 * answered without the runtime; everything else passes through, still streamed.
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} handle
 */
export function withoutReaderRuntime(handle) {
  return function readerHandle(request, response) {
    if (!mayStripRuntime(request)) return handle(request, response);
    const captured = captureResponse(response);
    const handled = handle(request, response);
    return Promise.all([handled, captured.then((result) => answer(result, request, response))]).then(
      ([value]) => value,
    );
  };

  async function answer(first, request, response) {
    let result = first;
    // A notFound() thrown by a page comes back as Next's empty error shell: the reader
    // 404 is rendered again at an address no route matches, which Next renders on the
    // server (lib/utils/not-found-address.mjs says why).
    if (result && isErrorShell(result)) {
      const again = captureResponse(response);
      const { url } = request;
      request.url = notFoundAddress(url);
      // Next adds its close listeners once more for the second pass: not a leak.
      response.setMaxListeners(response.getMaxListeners() + 10);
      try {
        await handle(request, response);
        result = await again;
      } finally {
        request.url = url; // the logs and counts see the address asked for
      }
    }
    if (!result) return; // the client left
    const { status, headers, body } = result;
    const text =
      (status === 200 || status === 404) && /^text\/html/.test(String(headers["content-type"] ?? ""))
        ? body.toString()
        : "";
    // An error shell that is left (a 500) is drawn by the runtime: it stays.
    const out = text && !text.includes('<html id="__next_error__"') ? Buffer.from(stripRuntime(text)) : body;
    if (out !== body) {
      // Describe the new body, not Next's.
      response.removeHeader("etag");
      response.setHeader("x-quire-runtime", "none");
    }
    if (response.hasHeader("content-length")) response.setHeader("content-length", out.length);
    response.end(out);
  }
}
