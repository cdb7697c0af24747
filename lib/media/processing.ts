import "server-only";
import sharp from "sharp";
import { VARIANT_WIDTHS } from "../markdown/media-srcset";

import { MAX_UPLOAD_BYTES } from "../security/body-limits";

export { MAX_UPLOAD_BYTES };

const FORMATS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: "jpg", mime: "image/jpeg" },
  png: { ext: "png", mime: "image/png" },
  webp: { ext: "webp", mime: "image/webp" },
  gif: { ext: "gif", mime: "image/gif" },
  avif: { ext: "avif", mime: "image/avif" },
};

export const MIME_BY_EXT: Record<string, string> = Object.fromEntries(
  Object.values(FORMATS).map((f) => [f.ext, f.mime]),
);

export type Inspected = { ext: string; mime: string; width: number; height: number };

/**
 * What the bytes are, whatever the file is called. Only raster formats pass: SVG
 * (which sharp can read) and anything sharp cannot read at all are refused.
 */
export async function inspectImage(bytes: Buffer): Promise<Inspected | null> {
  try {
    const meta = await sharp(bytes, { animated: true }).metadata();
    // AVIF is reported as HEIF with AV1 compression; other HEIF is refused.
    const format = meta.format === "heif" ? (meta.compression === "av1" ? "avif" : "") : meta.format;
    const known = format ? FORMATS[format] : undefined;
    if (!known || !meta.width || !meta.height) return null;
    return { ...known, width: meta.width, height: meta.pageHeight ?? meta.height };
  } catch {
    return null;
  }
}

/** Smaller WebP copies for `srcset`; none wider than the original. */
export async function makeVariants(bytes: Buffer, width: number) {
  const variants: { width: number; bytes: Buffer }[] = [];
  for (const target of VARIANT_WIDTHS) {
    if (target >= width) break;
    variants.push({
      width: target,
      bytes: await sharp(bytes).rotate().resize({ width: target }).webp({ quality: 80 }).toBuffer(),
    });
  }
  return variants;
}
