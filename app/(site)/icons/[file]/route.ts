// GET /icons/32.png, /icons/192.png, /icons/512.png — the site icon as PNG in the sizes
// browsers and installed web apps ask for (lib/site/site-icon.ts).
import { connection } from "next/server";
import { iconResponse, PNG_ICON_SIZES } from "@/lib/site/site-icon";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  await connection(); // the icon setting is read per request, never at build time
  const size = Number(/^(\d+)\.png$/.exec((await params).file)?.[1]);
  if (!(PNG_ICON_SIZES as readonly number[]).includes(size)) return new Response("Not found", { status: 404 });
  return iconResponse(`png-${size}` as `png-${(typeof PNG_ICON_SIZES)[number]}`);
}
