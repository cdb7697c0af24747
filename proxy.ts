import { type NextRequest, NextResponse } from "next/server";

// Optimistic only: sends visitors without a session cookie to sign-in before any
// admin page renders. Every page, action and handler still checks the session itself.
const PUBLIC_ADMIN_PATHS = ["/admin/login", "/admin/setup", "/admin/invite", "/admin/reset-password"];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_ADMIN_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return;
  if (hasSessionCookie(request)) return;
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
