// Pure rules: which requests the page cache may answer, what it keys them on, and
// which encoding a client gets. No I/O here, so all of it is unit-tested.

export const MAX_KEY_LENGTH = 1024;

// Never cached: the admin, APIs (health must be live; the Content API has its own ETags),
// Ghost's API, Next's own files (/_next/static has its own store), uploads (immutable
// already) and unsubscribe links (personal).
const NEVER = /^\/(?:admin|api|ghost|_next|media|unsubscribe)(?:\/|$)/;
// Auth.js's cookies (session, CSRF, callback URL): the only cookies Quire sets.
const AUTH_COOKIE = /(?:^|;)\s*(?:__Secure-|__Host-)?authjs\./;
// Next's client-router requests (RSC payloads, prefetches) vary on these headers.
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
];

/**
 * Why a request may not use the page cache, or null when it may.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function bypassReason({ method, url = "", headers }) {
  if (method !== "GET" && method !== "HEAD") return "method";
  if (url.length > MAX_KEY_LENGTH || url[0] !== "/" || url.startsWith("//") || url.includes("\\")) return "url";
  let pathname;
  try {
    // Decoded and lower-cased, so "/%41dmin" cannot slip past the list.
    pathname = decodeURIComponent(url.split("?", 1)[0]).toLowerCase();
  } catch {
    return "url";
  }
  if (NEVER.test(pathname) || pathname.startsWith("//")) return "path";
  if (/[?&]_rsc=/.test(url)) return "router";
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return "router";
  if (headers.authorization !== undefined) return "authorization";
  const cookie = headers.cookie;
  if (cookie && AUTH_COOKIE.test(Array.isArray(cookie) ? cookie.join(";") : cookie)) return "session";
  return null;
}

// What the front answers itself with the app's own route handler (bin/server/direct.mjs):
// the comment form's JSON POST, from a reader. Anything else about it goes to Next, which
// applies its own limits (a missing length, a body past the limit, a staff session).
const DIRECT_PATHS = new Set(["/api/comments"]);
export const MAX_DIRECT_BODY = 64 * 1024;

/**
 * The path whose handler may answer this request without Next, or null.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function directRoute({ method, url = "", headers }) {
  if (method !== "POST" || !DIRECT_PATHS.has(url)) return null;
  if (headers.authorization !== undefined || headers["transfer-encoding"] !== undefined) return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const cookie = headers.cookie;
  if (cookie && AUTH_COOKIE.test(Array.isArray(cookie) ? cookie.join(";") : cookie)) return null;
  const type = String(headers["content-type"] ?? "").toLowerCase();
  if (!/^application\/json\s*(?:;|$)/.test(type)) return null;
  const length = headers["content-length"];
  if (typeof length !== "string" || !/^\d{1,6}$/.test(length) || Number(length) > MAX_DIRECT_BODY) return null;
  return url;
}

/** HEAD is answered from the GET entry. */
export const cacheKey = (url) => url;

const negotiated = new Map();

/**
 * The best of "br", "gzip" and "identity" the Accept-Encoding header allows (q-values and
 * "*" honoured; br wins a tie). Memoised: clients send a handful of distinct headers.
 * @param {string | undefined} header
 * @returns {"br" | "gzip" | "identity"}
 */
export function negotiateEncoding(header) {
  if (!header) return "identity";
  let choice = negotiated.get(header);
  if (choice) return choice;
  const q = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name) => q.get(name) ?? (name === "identity" ? (q.get("*") ?? 1) : (q.get("*") ?? 0));
  choice = "identity";
  let best = weight("identity") > 0 ? 0.0001 : -1;
  for (const name of /** @type {const} */ (["gzip", "br"])) {
    const w = weight(name);
    if (w > 0 && w >= best) {
      best = w;
      choice = name;
    }
  }
  if (negotiated.size < 200) negotiated.set(header, choice);
  return choice;
}

/** If-None-Match against one strong ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(header, etag) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

// Text worth compressing; images, fonts (woff2 is compressed already) and archives are not.
const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|javascript|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json|ld\+json|x-javascript|xhtml\+xml)|image\/svg\+xml)/i;
export const MIN_COMPRESS_BYTES = 1024;

export function isCompressible(contentType, length) {
  return length >= MIN_COMPRESS_BYTES && typeof contentType === "string" && COMPRESSIBLE.test(contentType);
}

// What Next sends for every dynamic page: it means "no opinion", not "private data".
const NEXT_DYNAMIC = "private, no-cache, no-store, max-age=0, must-revalidate";
export const READER_CACHE_CONTROL = "public, max-age=0, must-revalidate";

/**
 * The Cache-Control a stored reader response is served with, or null when the response
 * must not be stored (explicitly private or no-store, or it sets a cookie, or not a 200).
 */
export function storableCacheControl({ status, headers }) {
  if (status !== 200 || headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  const value = headers["cache-control"];
  if (value === undefined || value === NEXT_DYNAMIC) return READER_CACHE_CONTROL;
  const text = String(value);
  return /\b(?:private|no-store)\b/i.test(text) ? null : text;
}

/**
 * The Cache-Control a stored "not found" answer is served with, or null. Kept like a page:
 * until the next write (which may publish that address) or the page cache's age limit.
 */
export function storableNotFound({ status, headers }) {
  return status === 404 ? storableCacheControl({ status: 200, headers }) : null;
}

// Addresses scanners try on every site and that Quire never serves (no PHP, no WordPress,
// no dotfiles but /.well-known): answered 404 at once, without rendering the site's page.
// Slugs never hold a dot, so ".php" cannot be a post.
const NOT_OURS =
  /^\/(?:wp-admin|wp-content|wp-includes|cgi-bin)(?:\/|$)|^\/\.(?!well-known(?:\/|$))|\.(?:php\d?|aspx?|jsp|cgi)$/i;

/** True for an address no Quire route answers (see NOT_OURS). */
export function obviouslyNotOurs(url = "/") {
  let pathname;
  try {
    pathname = decodeURIComponent(url.split("?", 1)[0]);
  } catch {
    return false;
  }
  return NOT_OURS.test(pathname);
}
