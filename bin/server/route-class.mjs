// Which kind of request this is, for metrics and logs: a handful of classes, never the
// path itself (a label per path would grow without bound under a crawler or a scanner).

const FEED = /(?:^|\/)(?:rss\.xml|atom\.xml|feed\.json|comments\.xml|sitemap\.xml|robots\.txt)$/;

/**
 * @param {string | undefined} url
 * @returns {"static" | "media" | "api" | "admin" | "feed" | "metrics" | "reader"}
 */
export function routeClass(url = "/") {
  const path = url.split("?", 1)[0];
  if (
    path.startsWith("/_next/") ||
    path.startsWith("/icons/") ||
    path === "/favicon.ico" ||
    path === "/apple-touch-icon.png"
  )
    return "static";
  if (path.startsWith("/media/")) return "media";
  if (path.startsWith("/api/") || path.startsWith("/ghost/")) return "api";
  if (path === "/admin" || path.startsWith("/admin/")) return "admin";
  if (path === "/metrics") return "metrics";
  if (FEED.test(path)) return "feed";
  return "reader";
}
