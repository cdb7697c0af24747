import "server-only";
import { type Inspected, makeVariants } from "./processing";
import { folderStorage, newMediaKey } from "./storage";

/**
 * An image's bytes under a fresh key in the media folder, with its WebP variants beside it:
 * the same for an upload and for a file an import brings. Returns what its media row records.
 */
export async function storeImageFiles(bytes: Buffer, image: Inspected) {
  const storage = folderStorage();
  const { base, key } = newMediaKey(image.ext, image.width);
  const variants = await makeVariants(bytes, image.width);
  await storage.put(key, bytes);
  const stored = [];
  for (const variant of variants) {
    const variantKey = `${base}-${variant.width}.webp`;
    await storage.put(variantKey, variant.bytes);
    stored.push({ width: variant.width, key: variantKey, size: variant.bytes.length });
  }
  return { key, variants: stored };
}
