import { type NextRequest, NextResponse } from "next/server";
import { findRedirect } from "@/db/queries/redirects";
import { refuseBody } from "@/lib/security/body-limits";
import { DATA_POLICY } from "@/lib/security/response-headers.mjs";
import { missingPath } from "@/lib/utils/not-found-address.mjs";
import { MISSING_PATH_HEADER } from "@/lib/utils/request-path";
import { hasSessionCookie } from "@/lib/utils/session-cookie";

// Optimistic only: sends visitors without a session cookie to sign-in before any
// admin page renders. Every page, action and handler still checks the session itself.
const PUBLIC_ADMIN_PATHS = ["/admin/login", "/admin/setup", "/admin/invite", "/admin/reset-password"];

// What the reader branch never handles (the matcher used to exclude these).
const NOT_READER =
  /^\/(?:_next\/|api\/|admin|favicon\.ico|icons\/|rss\.xml|atom\.xml|feed\.json|sitemap\.xml|robots\.txt|og(?:\/|$))/;

// Per request: a fresh nonce for the pages Next renders, which it reads back from the
// request's Content-Security-Policy header and puts on its own <script> tags.
function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the scripts Next's nonce'd bootstrap loads are trusted too; no inline script without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // Inline styles: shiki's colour variables live in style attributes (sanitised to those alone, lib/markdown/render.ts).
    "style-src 'self' 'unsafe-inline'",
    // Authors may show images from other hosts in a post (Markdown allows http(s) images).
    "img-src 'self' data: blob: http: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Feeds, JSON, the OG card and API answers are no HTML of ours: DATA_POLICY lets nothing load or run in them.
const DATA_PATH = /^\/(?:_next\/|api\/|ghost\/|og(?:\/|$))|\.(?:xml|json|txt|ico)$/;

/** Every answer the proxy lets through gets a policy; pages get their nonce on the request too. */
function withPolicy(request: NextRequest, extraHeaders?: Headers): NextResponse {
  const { pathname } = request.nextUrl;
  // Uploads set their own, stricter policy (a sandbox) in app/media.
  if (pathname.startsWith("/media/"))
    return NextResponse.next(extraHeaders ? { request: { headers: extraHeaders } } : undefined);
  const policy = DATA_PATH.test(pathname)
    ? DATA_POLICY
    : pagePolicy(Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"));
  const headers = extraHeaders ?? new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Bodies past their limit are refused before Next reads them (lib/security/body-limits.ts).
  const refused = refuseBody(request);
  if (refused) return refused;
  if (!couldNameSomething(pathname))
    return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  // next.config.js skips Next's own trailing-slash redirect so that Ghost's API paths are
  // treated apart: Ghost clients call `/ghost/api/admin/posts/` and a redirect would make
  // them send bodies (multipart uploads) twice. There next.config.js's rewrite drops the
  // slash inside the router; everywhere else the address is redirected as Next would.
  if (pathname.length > 1 && pathname.endsWith("/") && !pathname.startsWith("/ghost/")) {
    // A plain URL: NextURL would put the slash back when formatting.
    const url = new URL(request.url);
    url.pathname = pathname.replace(/\/+$/, "") || "/";
    return NextResponse.redirect(url, 308);
  }
  if (pathname !== "/admin" && !pathname.startsWith("/admin/"))
    return NOT_READER.test(pathname) ? withPolicy(request) : readerRequest(request);
  if (PUBLIC_ADMIN_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`)))
    return withPolicy(request);
  if (hasSessionCookie(request.cookies)) return withPolicy(request);
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

async function readerRequest(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // An old address (a post whose slug changed) answers 301 to where it lives now.
  // Imported sites' old addresses may be a query ("/?p=123"): the whole address is tried first.
  const moved =
    (search && pathname.length + search.length <= 300 && couldNameSomething(search)
      ? await lookUpRedirect(`${pathname}${search}`)
      : undefined) ?? (pathname.length <= 300 ? await lookUpRedirect(pathname) : undefined);
  if (moved && moved.toPath.startsWith("/") && !moved.toPath.startsWith("//")) {
    return NextResponse.redirect(new URL(moved.toPath, request.url), 301);
  }
  // A not-found page gets no params: pass it the path, so the reader 404 can offer
  // posts matching the missing address's words. Set here, so a client cannot choose it.
  // (bin/server renders a page's notFound() again under a prefix: the path without it.)
  const headers = new Headers(request.headers);
  headers.set(MISSING_PATH_HEADER, missingPath(pathname).slice(0, 300));
  return withPolicy(request, headers);
}

/**
 * A malformed escape ("/%E0%A4%A") would make Next's router answer 500: it names nothing. Nor
 * does a NUL ("/%00", "?q=%00"): no slug or old address holds one, and PostgreSQL refuses it
 * in any text, so looking it up would fail rather than find nothing.
 */
function couldNameSomething(address: string): boolean {
  try {
    return !decodeURIComponent(address).includes("\u0000");
  } catch {
    return false;
  }
}

async function lookUpRedirect(fromPath: string) {
  try {
    return await findRedirect({ fromPath });
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
