/**
 * A redirect target that stays on this site: a path starting with one "/".
 * `//evil`, `/\evil`, `https://evil` and `javascript:` all fall back.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = "/admin"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(target)) return fallback;
  try {
    const url = new URL(target, "http://quire.invalid");
    if (url.origin !== "http://quire.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
