import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { getSettings } from "@/db/queries/settings";
import { folderStorage } from "@/lib/media/storage";

// The site's icon for browser tabs (/favicon.ico, /icons/32.png), home screens
// (/apple-touch-icon.png) and installed web apps (/icons/192.png, /icons/512.png): made from
// the owner's site icon (Admin → Design), else the logo, when it is an upload of ours, else
// from a shipped default mark. Another host is never asked: a reader's request must not make
// us call out.

const DEFAULT_MARK = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="14" fill="#1d4ed8"/>
  <circle cx="32" cy="30" r="15" fill="none" stroke="#fff" stroke-width="7"/>
  <path d="M34 35 L47 50" stroke="#fff" stroke-width="7" stroke-linecap="round"/>
</svg>`;

export type IconKind = "favicon" | "apple-touch-icon" | "png-32" | "png-192" | "png-512";

const SIZE: Record<IconKind, number> = {
  favicon: 32,
  "apple-touch-icon": 180,
  "png-32": 32,
  "png-192": 192,
  "png-512": 512,
};

/** The PNG sizes served at /icons/<size>.png. */
export const PNG_ICON_SIZES = [32, 192, 512] as const;

/** The uploaded image the icon is made from, or null for the default mark (the layout's ?v= uses the same order). */
async function iconSource(): Promise<string | null> {
  const { siteIconUrl, logoUrl } = await getSettings();
  return siteIconUrl || logoUrl || null;
}

/**
 * A short tag of the icon's source, put in the icons' addresses (?v=…): a new icon has a new
 * address, so browsers fetch it on the next page instead of keeping the old one for an hour.
 */
export function iconVersion(source: string | null): string {
  return createHash("sha256")
    .update(source ?? "default")
    .digest("hex")
    .slice(0, 10);
}

async function sourceImage(url: string | null): Promise<Buffer> {
  const key = url?.startsWith("/media/") ? url.slice("/media/".length) : null;
  const logo = key ? await folderStorage().read(key) : null;
  return logo ?? Buffer.from(DEFAULT_MARK);
}

async function renderPng(kind: IconKind, source: Buffer): Promise<Buffer> {
  const size = SIZE[kind];
  const image = sharp(source, { density: 300 }).resize(size, size, {
    fit: "contain",
    background: { r: 255, g: 255, b: 255, alpha: kind === "apple-touch-icon" ? 1 : 0 },
  });
  // Home screens show transparency as black: the touch icon is flattened onto white.
  return (kind === "apple-touch-icon" ? image.flatten({ background: "#ffffff" }) : image).png().toBuffer();
}

/** One PNG in an ICO container (every browser since Windows Vista's reads PNG entries). */
export function pngToIco(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // the image follows the one directory entry
  return Buffer.concat([header, png]);
}

// The last icon made for each kind, by the image it came from: a new icon makes a new one.
const made = new Map<IconKind, { source: string | null; bytes: Buffer }>();

export async function siteIcon(kind: IconKind): Promise<Buffer> {
  const source = await iconSource();
  const known = made.get(kind);
  if (known && known.source === source) return known.bytes;
  let png: Buffer;
  try {
    png = await renderPng(kind, await sourceImage(source));
  } catch {
    png = await renderPng(kind, Buffer.from(DEFAULT_MARK)); // a logo sharp cannot read
  }
  const bytes = kind === "favicon" ? pngToIco(png, SIZE.favicon) : png;
  made.set(kind, { source, bytes });
  return bytes;
}

/** The icon as an answer: cached by browsers for an hour (pages link it with ?v=, so a new icon shows at once). */
export async function iconResponse(kind: IconKind): Promise<Response> {
  const bytes = await siteIcon(kind);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": kind === "favicon" ? "image/x-icon" : "image/png",
      "Content-Length": String(bytes.length),
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
