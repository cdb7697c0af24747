// A stored response: the headers Next produced (so a per-request CSP nonce still matches
// the body) plus one body per encoding, each compressed once when the entry is made.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { etagMatches, isCompressible, negotiateEncoding } from "./rules.mjs";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// Headers that describe one transfer, not the content: set again for every answer (the
// request id by observe.mjs: a stored one would replace the id of the request answered).
const PER_TRANSFER = [
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "x-quire-cache",
  "x-request-id",
  "server-timing",
];
// Set by buildEntry itself.
const REPLACED = ["cache-control", "vary"];

/** Quality per use: fast for pages (remade after every write), best for immutable files. */
export const QUALITY = {
  page: { br: 5, gzip: 6 },
  immutable: { br: 11, gzip: 9 },
};

function flatHeaders(headers, drop) {
  const flat = [];
  for (const [name, value] of Object.entries(headers)) {
    if (drop.has(name) || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) flat.push(name, String(one));
  }
  return flat;
}

function mergeVary(vary, extra) {
  const names = new Set(
    String(vary ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  );
  for (const name of extra) names.add(name);
  return [...names].join(", ");
}

/**
 * Builds an entry from a captured response. `cacheControl` replaces Next's header;
 * `vary` lists request headers the stored copy depends on beyond Next's own; `etag`
 * false keeps the response's own ETag (if any) instead of one per encoding.
 * @param {{ status: number, headers: Record<string, any>, body: Buffer }} captured
 * @param {{ cacheControl: string | undefined, vary: string[], quality: { br: number, gzip: number }, encodings?: string[], etag?: boolean }} options
 */
export async function buildEntry(
  { status, headers, body },
  { cacheControl, vary, quality, encodings = ["br", "gzip"], etag: ownEtag = true },
) {
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  const compress = isCompressible(headers["content-type"], body.length);
  const bodies = { identity: body };
  if (compress) {
    const [br, gz] = await Promise.all([
      encodings.includes("br")
        ? brotli(body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: quality.br,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : undefined,
      encodings.includes("gzip") ? gzip(body, { level: quality.gzip }) : undefined,
    ]);
    if (br) bodies.br = br;
    if (gz) bodies.gzip = gz;
  }
  const common = flatHeaders(headers, new Set([...PER_TRANSFER, ...REPLACED, ...(ownEtag ? ["etag"] : [])]));
  const varyValue = mergeVary(headers.vary, compress ? ["Accept-Encoding", ...vary] : vary);
  if (varyValue) common.push("vary", varyValue);
  if (cacheControl) common.push("cache-control", cacheControl);
  const variants = {};
  let size = 512;
  for (const [encoding, bytes] of Object.entries(bodies)) {
    const etag = ownEtag && status === 200 ? `"${hash}${encoding === "identity" ? "" : `-${encoding}`}"` : undefined;
    const base = [...common, "content-length", String(bytes.length)];
    if (encoding !== "identity") base.push("content-encoding", encoding);
    if (etag) base.push("etag", etag);
    const notModified = [
      "etag",
      etag,
      "cache-control",
      cacheControl ?? "no-cache",
      "vary",
      varyValue || "Accept-Encoding",
    ];
    variants[encoding] = {
      body: bytes,
      etag,
      hit: [...base, "x-quire-cache", "hit"],
      miss: [...base, "x-quire-cache", "miss"],
      bypass: [...base, "x-quire-cache", "bypass"],
      notModified: [...notModified, "x-quire-cache", "hit"],
    };
    size += bytes.length + base.reduce((sum, part) => sum + part.length, 0);
  }
  return { status, variants, size };
}

/**
 * Answers from an entry: the encoding the client prefers among those stored, a 304 when
 * its If-None-Match names this variant, no body for HEAD.
 * @param {"hit" | "miss" | "bypass"} label
 */
export function serveEntry(request, response, entry, label) {
  const wanted = negotiateEncoding(request.headers["accept-encoding"]);
  const variant = entry.variants[wanted] ?? entry.variants.identity;
  if (variant.etag && etagMatches(request.headers["if-none-match"], variant.etag)) {
    response.writeHead(304, variant.notModified);
    response.end();
    return;
  }
  response.writeHead(entry.status, variant[label]);
  response.end(request.method === "HEAD" ? undefined : variant.body);
}
