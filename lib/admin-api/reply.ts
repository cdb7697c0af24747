import "server-only";
import { apiError } from "../content-api/respond";

/** Admin answers are about one integration's view: never cached. */
export function noStore(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export const validationError = (message: string) => apiError(422, message);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The JSON body, or null when it is not JSON (zod then refuses it). */
export async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text().catch(() => "");
  if (text.length > 4_000_000) return null;
  try {
    // A JSON escape can carry a lone surrogate ("\ud800"), which SQLite would store as
    // invalid UTF-8: each becomes U+FFFD, as it would have in a form.
    return JSON.parse(text, (_key, value: unknown) =>
      typeof value === "string" ? value.replace(LONE_SURROGATE, "\uFFFD") : value,
    );
  } catch {
    return null;
  }
}
