// GET /media/<key> — uploaded images, from the data folder, cached for a year (names never change).
import { MIME_BY_EXT } from "@/lib/media-processing";
import { folderStorage, isValidMediaKey } from "@/lib/storage";

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const key = (await params).path.join("/");
  const ext = key.slice(key.lastIndexOf(".") + 1);
  const type = MIME_BY_EXT[ext];
  const bytes = type && isValidMediaKey(key) ? await folderStorage().read(key) : null;
  if (!bytes) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": type!,
      "Content-Length": String(bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
