// GET /api/comments/viewer — a fresh issued-at token for the comment form and, for
// signed-in staff, their name (so the form hides name and email). Reader pages stay
// session-free and cacheable; only this small request reads the session.
import { NextResponse } from "next/server";
import { issueFormToken } from "@/lib/comments/tokens";
import { getCurrentUser } from "@/lib/session";

export async function GET() {
  const user = await getCurrentUser().catch(() => null);
  return NextResponse.json(
    { issued: issueFormToken(), staff: user ? { name: user.name } : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
