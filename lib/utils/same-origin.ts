/**
 * Did a browser send this request from a page of this very site? Browsers put
 * `Origin` on every POST; a cross-site form or fetch carries the other site's
 * origin (or "null" from sandboxes and privacy redirects). No Origin at all means a
 * hand-made request: refused too, so a mutation with a staff cookie always needs
 * one of this site's pages behind it. The host compared with is what the server
 * was reached at: bin/server.mjs drops a client's X-Forwarded-Host unless
 * QUIRE_TRUST_PROXY=1 says a reverse proxy sets it.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null" || headers.get("sec-fetch-site") === "cross-site") return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && !!host && url.host === host;
  } catch {
    return false;
  }
}
