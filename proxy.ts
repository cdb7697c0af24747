import { type NextRequest, NextResponse } from "next/server";
import { findRedirect } from "@/db/queries/redirects";
import { MISSING_PATH_HEADER } from "@/lib/utils/request-path";

// Optimistic only: sends visitors without a session cookie to sign-in before any
// admin page renders. Every page, action and handler still checks the session itself.
const PUBLIC_ADMIN_PATHS = ["/admin/login", "/admin/setup", "/admin/invite", "/admin/reset-password"];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));
}

// What the reader branch never handles (the matcher used to exclude these).
const NOT_READER = /^\/(?:_next\/|api\/|admin|favicon\.ico|rss\.xml|atom\.xml|feed\.json|sitemap\.xml|robots\.txt|og(?:\/|$))/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // next.config.js skips Next's own trailing-slash redirect so that this can treat Ghost's
  // API paths apart: Ghost clients call `/ghost/api/admin/posts/` and a redirect would make
  // them send bodies (multipart uploads) twice. There the slash is dropped internally;
  // everywhere else the address is redirected as Next would.
  if (pathname.length > 1 && pathname.endsWith("/")) {
    // A plain URL: NextURL would put the slash back when formatting.
    const url = new URL(request.url);
    url.pathname = pathname.replace(/\/+$/, "") || "/";
    return pathname.startsWith("/ghost/") ? NextResponse.rewrite(url) : NextResponse.redirect(url, 308);
  }
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return NOT_READER.test(pathname) ? undefined : readerRequest(request);
  if (PUBLIC_ADMIN_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return;
  if (hasSessionCookie(request)) return;
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

function readerRequest(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A malformed escape ("/%E0%A4%A") would make Next's router answer 500: it names nothing.
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // An old address (a post whose slug changed) answers 301 to where it lives now.
  const moved = pathname.length <= 300 ? lookUpRedirect(pathname) : undefined;
  if (moved && moved.toPath.startsWith("/") && !moved.toPath.startsWith("//")) {
    return NextResponse.redirect(new URL(moved.toPath, request.url), 301);
  }
  // A not-found page gets no params: pass it the path, so the reader 404 can offer
  // posts matching the missing address's words. Set here, so a client cannot choose it.
  const headers = new Headers(request.headers);
  headers.set(MISSING_PATH_HEADER, pathname.slice(0, 300));
  return NextResponse.next({ request: { headers } });
}

function lookUpRedirect(fromPath: string) {
  try {
    return findRedirect({ fromPath });
  } catch (error) {
    // A busy or missing database must not turn every reader page into a 500: the page reports it.
    console.error("[quire] redirect lookup failed", error);
    return undefined;
  }
}

export const config = {
  // Every path but Next's static files: trailing slashes are handled here (see above).
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
