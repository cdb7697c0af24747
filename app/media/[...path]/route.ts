// GET /media/<key> — uploaded images, from the data folder, cached for a year (names never change).
import { MIME_BY_EXT } from "@/lib/media/processing";
import { folderStorage, isValidMediaKey } from "@/lib/media/storage";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const key = (await params).path.join("/");
  const ext = key.slice(key.lastIndexOf(".") + 1);
  const type = MIME_BY_EXT[ext];
  const bytes = type && isValidMediaKey(key) ? await folderStorage().read(key) : null;
  if (!bytes)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    });
  // A key names one file forever (a new upload gets a new key), so it is a strong validator.
  const etag = `"${key.replaceAll("/", "-")}"`;
  const headers = {
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  const known = request.headers
    .get("if-none-match")
    ?.split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""));
  if (known?.includes(etag) || known?.includes("*")) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bytes), {
    headers: { ...headers, "Content-Type": type!, "Content-Length": String(bytes.length) },
  });
}
