// POST /api/internal/revalidate — the scheduler's cache invalidation, from this process only.
import { NextResponse } from "next/server";
import { z } from "zod";
import { type CacheTag, invalidate } from "@/lib/cache";
import { isInternalToken } from "@/lib/internal-revalidate";

const TAG = /^(posts|settings|tags|users|post:\d+|comments:\d+|tag:[a-z0-9-]+)$/;
const bodySchema = z.object({ tags: z.array(z.string().regex(TAG)).min(1).max(500) });

export async function POST(request: Request) {
  if (!isInternalToken(request.headers.get("x-quire-internal"))) return NextResponse.json({ error: "Not found." }, { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "Bad request." }, { status: 400 });
  invalidate(...(parsed.data.tags as CacheTag[]));
  return NextResponse.json({ ok: true });
}
