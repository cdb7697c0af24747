// Auth.js's session cookie: `authjs.session-token`, `__Secure-` on HTTPS, chunked into
// `.0`, `.1` … when large. Without one there is no session to read.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function hasSessionCookie(cookies: { getAll(): { name: string }[] }): boolean {
  return cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name));
}

/** The same question asked of a raw `Cookie` header, where no parsed cookie jar is at hand. */
export function hasSessionCookieHeader(header: string | null): boolean {
  if (!header) return false;
  return header.split(";").some((pair) => SESSION_COOKIE.test(pair.split("=", 1)[0]!.trim()));
}
