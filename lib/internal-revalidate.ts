import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { type CacheTag, invalidate } from "./cache";
import { getEnv } from "./env";

// Next.js revalidates only inside a request. The scheduler runs on a timer, so it asks
// its own process to do it, over loopback, with a token that never leaves the process.
const holder = globalThis as unknown as { quireInternalToken?: string };

function internalToken(): string {
  holder.quireInternalToken ??= randomBytes(32).toString("hex");
  return holder.quireInternalToken;
}

export function isInternalToken(candidate: string | null): boolean {
  const expected = Buffer.from(internalToken());
  const given = Buffer.from(candidate ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function revalidateFromTimer(tags: CacheTag[]) {
  const { HOST, PORT } = getEnv();
  const host = HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST.includes(":") ? `[${HOST}]` : HOST;
  const response = await fetch(`http://${host}:${PORT}/api/internal/revalidate`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-quire-internal": internalToken() },
    body: JSON.stringify({ tags }),
  });
  if (!response.ok) throw new Error(`internal revalidate answered ${response.status}`);
}

const TAG = /^(posts|settings|tags|users|post:\d+|comments:\d+|tag:[a-z0-9-]+)$/;
const bodySchema = z.object({ tags: z.array(z.string().regex(TAG)).min(1).max(500) });

/** POST /api/internal/revalidate: only with this process's token; anyone else finds nothing there. */
export async function handleInternalRevalidate(request: Request): Promise<Response> {
  if (!isInternalToken(request.headers.get("x-quire-internal")))
    return Response.json({ error: "Not found." }, { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Bad request." }, { status: 400 });
  invalidate(...(parsed.data.tags as CacheTag[]));
  return Response.json({ ok: true });
}
