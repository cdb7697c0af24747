// Auth.js's session cookie: `authjs.session-token`, `__Secure-` on HTTPS, chunked into
// `.0`, `.1` … when large. Without one there is no session to read.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function hasSessionCookie(cookies: { getAll(): { name: string }[] }): boolean {
  return cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name));
}
