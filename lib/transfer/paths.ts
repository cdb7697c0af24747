// Old addresses → the form the redirects table keys them by: the path and query of the
// URL, without a trailing slash (the proxy drops it with a 308 before looking up).

/** "https://old.example/2019/05/slug/?x=1" → "/2019/05/slug?x=1"; null when it names no page. */
export function oldPath(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), "http://placeholder.invalid");
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  // Repeated slashes ("https://old.example//greek/x/", as WordPress wrote one) collapse: "//greek/x"
  // would read as a URL of the host "greek" wherever the path is read back (Markdown aliases).
  const pathname = parsed.pathname.replace(/\/{2,}/g, "/");
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  // Browsers send non-ASCII paths percent-encoded in capitals (WordPress writes them in lower case).
  const path = encodeURI(decodeURISafe(trimmed));
  const result = `${path}${parsed.search}`;
  return result === "/" || result.length > 300 ? null : result;
}

/** The last path segment of a URL without its extension ("/2019/05/hello.html" → "hello"). */
export function lastSegment(url: string): string {
  const path = oldPath(url) ?? "";
  const segment = path.split("?")[0]!.split("/").filter(Boolean).at(-1) ?? "";
  return decodeURIComponentSafe(segment.replace(/\.html?$/i, ""));
}

function decodeURISafe(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
