import "server-only";
import { ROLES, type Role } from "@/db/schema/enums";
import { cookies } from "next/headers";
import { auth } from "./auth";
import { hasSessionCookie, hasSessionCookieHeader } from "./utils/session-cookie";

export type SessionUser = { id: number; name: string; email: string; role: Role };

/**
 * The signed-in staff member, or null. The JWT callback has already re-read them from the database.
 * Given the request (route handlers), its own Cookie header is read: without a session cookie
 * the answer needs nothing from Next's request scope, so bin/server can call such a handler
 * directly (bin/server/direct.mjs).
 */
export async function getCurrentUser(request?: Request): Promise<SessionUser | null> {
  // No session cookie, no session: readers skip Auth.js's work to say so, on every
  // comment they post and every comment form's viewer call (a third of that call's cost).
  if (!(await mayHaveSession(request))) return null;
  const session = await auth();
  const user = session?.user;
  const id = Number(user?.id);
  if (!user || !Number.isInteger(id) || id <= 0 || !ROLES.includes(user.role)) return null;
  return { id, name: user.name ?? "", email: user.email ?? "", role: user.role };
}

async function mayHaveSession(request?: Request): Promise<boolean> {
  if (request) return hasSessionCookieHeader(request.headers.get("cookie"));
  try {
    return hasSessionCookie(await cookies());
  } catch {
    return true; // outside a request (tests, scripts): auth() decides
  }
}
