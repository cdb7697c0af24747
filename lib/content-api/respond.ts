import "server-only";
import { createHash } from "node:crypto";

// JSON answers of the public API: cacheable with an ETag, open to any origin (GET only),
// errors in Ghost's shape so its clients report them properly.

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  "access-control-allow-headers": "accept, accept-version, content-type, if-none-match",
  "access-control-max-age": "86400",
};

export function jsonWithEtag(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash("sha1").update(text).digest("base64url")}"`;
  const headers = {
    ...CORS,
    etag,
    "cache-control": "public, max-age=0, must-revalidate",
    vary: "Accept-Encoding",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, {
    status: 200,
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });
}

const TYPES: Record<number, string> = {
  400: "BadRequestError",
  401: "UnauthorizedError",
  403: "NoPermissionError",
  404: "NotFoundError",
  409: "UpdateCollisionError",
  413: "RequestEntityTooLargeError",
  415: "UnsupportedMediaTypeError",
  422: "ValidationError",
};

export function apiError(status: number, message: string, context?: string): Response {
  const type = TYPES[status] ?? "InternalServerError";
  return Response.json(
    { errors: [{ message, context: context ?? null, type }] },
    { status, headers: { ...CORS, "cache-control": "no-store" } },
  );
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS });
}
