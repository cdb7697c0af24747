// Next.js answers a notFound() thrown while a page renders with an empty shell
// (<html id="__next_error__">) that only its browser runtime fills in
// (vercel/next.js#62228): without JavaScript the reader 404 would be blank. An address
// no route matches is different: Next renders app/not-found.tsx on the server. So
// bin/server/reader-runtime.mjs asks Next once more for the missing address under this
// prefix, which no route matches, and proxy.ts hands the 404 page the address as it was.
// Shared by both, hence plain JavaScript.

/** The first segments of the address the reader 404 is rendered at; no route has them. */
export const NOT_FOUND_PREFIX = "/_quire/not-found";

/** The address under NOT_FOUND_PREFIX (its path only: a query names nothing). */
export function notFoundAddress(url = "/") {
  const path = url.split(/[?#]/, 1)[0] || "/";
  return path === "/" ? NOT_FOUND_PREFIX : `${NOT_FOUND_PREFIX}${path}`;
}

/** The missing address itself, from the one the 404 was rendered at. */
export function missingPath(pathname = "/") {
  if (pathname === NOT_FOUND_PREFIX) return "/";
  return pathname.startsWith(`${NOT_FOUND_PREFIX}/`) ? pathname.slice(NOT_FOUND_PREFIX.length) : pathname;
}
