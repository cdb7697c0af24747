// Request body limits, checked in proxy.ts from the declared length before anything
// reads a body: past them the answer is a quick 413 with a sentence, never a 500.

/** An uploaded image, in the editor and through the Admin API. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
// Next's own server action limit (experimental.serverActions.bodySizeLimit, default 1 MB):
// past it Next answers 500, so the proxy answers first. Forms here send far less.
const PAGE_BODY_LIMIT = 1024 * 1024;
// JSON APIs: a post of 2,000,000 characters of HTML, in UTF-8, with room to spare.
const API_BODY_LIMIT = 8 * 1024 * 1024;
/**
 * An import file uploaded in the admin: the proxy lets through up to the highest value
 * the site setting allows; the route then holds the upload to the setting itself.
 */
export const IMPORT_UPLOAD_PATH = "/api/import-export/upload";
export const IMPORT_MAX_MEGABYTES_CEILING = 1024;
const UPLOAD_PATHS = new Set(["/api/media", "/ghost/api/admin/images/upload", "/api/v1/admin/images/upload"]);

/** A 413 for a declared length past the path's limit; a 411 for a page POST with no length (see below). */
export function refuseBody(request: Request): Response | null {
  const { pathname } = new URL(request.url);
  const limit = bodyLimitFor(pathname);
  const length = request.headers.get("content-length");
  if (Number(length ?? 0) > limit) return bodyTooLarge(pathname, limit);
  // A chunked body to a page (a server action) would get Next's 500 past 1 MB; browsers
  // always declare the length of a form or fetch body, so a request that does not is refused.
  if (length === null && request.headers.has("transfer-encoding") && limit === PAGE_BODY_LIMIT) {
    return new Response("Send the form with a Content-Length.", {
      status: 411,
      headers: { "content-type": "text/plain; charset=utf-8", connection: "close" },
    });
  }
  return null;
}

export function bodyLimitFor(pathname: string): number {
  const path = pathname.replace(/\/+$/, "");
  if (UPLOAD_PATHS.has(path)) return MAX_UPLOAD_BYTES + 64 * 1024; // the multipart envelope
  if (path === IMPORT_UPLOAD_PATH) return IMPORT_MAX_MEGABYTES_CEILING * 1024 * 1024;
  if (path === "/api/comments") return PAGE_BODY_LIMIT; // the comment form's JSON: as small as its POST
  return /^\/(?:api|ghost)\//.test(path) ? API_BODY_LIMIT : PAGE_BODY_LIMIT;
}

const megabytes = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MB`;

/** The refusal for a body over its limit: JSON for the APIs (Ghost's error shape), text for forms. */
export function bodyTooLarge(pathname: string, limit: number): Response {
  const message = UPLOAD_PATHS.has(pathname.replace(/\/+$/, ""))
    ? `The file is too large: images may be at most ${megabytes(MAX_UPLOAD_BYTES)}.`
    : `That is too much to send at once: at most ${megabytes(limit)}. Nothing was saved.`;
  const headers = { "cache-control": "no-store", connection: "close" };
  if (/^\/(?:api|ghost)\//.test(pathname)) {
    return Response.json(
      { error: message, errors: [{ message, context: null, type: "RequestEntityTooLargeError" }] },
      { status: 413, headers },
    );
  }
  return new Response(message, { status: 413, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
