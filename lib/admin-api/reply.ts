import "server-only";
import { apiError } from "../content-api/respond";

/** Admin answers are about one integration's view: never cached. */
export function noStore(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export const validationError = (message: string) => apiError(422, message);

/** The JSON body, or null when it is not JSON (zod then refuses it). */
export async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text().catch(() => "");
  if (text.length > 4_000_000) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
