import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { NewMedia } from "@/db/queries/media";
import { inspectImage, MAX_UPLOAD_BYTES } from "../media/processing";
import { folderStorage } from "../media/storage";
import { storeImageFiles } from "../media/store-image";

// With --media DIR (a copy of wp-content/uploads, Ghost's content/images, a folder next to
// the Markdown files), the files an export points at are looked up in DIR by the end of
// their address ("…/uploads/2013/03/photo.jpg" → DIR/2013/03/photo.jpg, else DIR/03/photo.jpg,
// else DIR/photo.jpg), stored through the upload pipeline (type from the bytes, variants),
// and links to them are rewritten. Nothing is ever fetched from the network.
//
// Files are stored before the database transaction (storing is async); if the import then
// fails, remove() deletes them again, so a failed import leaves no files either.

export type StoredMedia = { url: string; storageKey: string; row: NewMedia };

const LINK = /\b(src|href)="([^"]+)"/g;

export class MediaImporter {
  private readonly cache = new Map<string, Promise<string | null>>();
  readonly stored: StoredMedia[] = [];
  readonly notImages = new Set<string>();
  rewritten = 0;

  constructor(
    private readonly dir: string,
    /** A URL already imported earlier, by its address: its /media/ URL. */
    private readonly known: (url: string) => Promise<string | undefined>,
  ) {}

  /** The new /media/ address of a file the export points at, or null when DIR does not hold it. */
  resolve(url: string): Promise<string | null> {
    const key = url.replace(/&amp;/g, "&");
    let found = this.cache.get(key);
    if (!found) {
      found = this.store(key);
      this.cache.set(key, found);
    }
    return found;
  }

  /** Links and images in `html` that DIR holds point at their imported copies. */
  async rewriteHtml(html: string): Promise<string> {
    const urls = new Set([...html.matchAll(LINK)].map((match) => match[2]!));
    let result = html;
    for (const url of urls) {
      const local = await this.resolve(url);
      if (!local) continue;
      result = result.replaceAll(`"${url}"`, `"${local}"`);
      this.rewritten++;
    }
    return result;
  }

  private async store(url: string): Promise<string | null> {
    const known = await this.known(url);
    if (known) return known;
    const file = await this.findFile(url);
    if (!file) return null;
    const bytes = await fs.readFile(file);
    const image = await inspectImage(bytes);
    if (!image) {
      this.notImages.add(url);
      return null;
    }
    const { key, variants } = await storeImageFiles(bytes, image);
    this.stored.push({
      url,
      storageKey: key,
      row: {
        storageKey: key,
        originalName: path.basename(file).slice(0, 200),
        mimeType: image.mime,
        size: bytes.length,
        width: image.width,
        height: image.height,
        alt: path
          .basename(file)
          .replace(/\.[a-z0-9]+$/i, "")
          .slice(0, 300),
        variants,
      },
    });
    return `/media/${key}`;
  }

  /** The file in DIR that ends the URL's path, never outside DIR and never through a link. */
  private async findFile(url: string): Promise<string | null> {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url, "http://placeholder.invalid").pathname);
    } catch {
      return null;
    }
    const segments = pathname.split("/").filter((segment) => segment && segment !== "." && segment !== "..");
    const root = path.resolve(this.dir);
    for (let start = 0; start < segments.length; start++) {
      const candidate = path.resolve(root, ...segments.slice(start));
      if (!candidate.startsWith(root + path.sep)) continue;
      const stat = await fs.lstat(candidate).catch(() => null);
      if (stat?.isFile() && stat.size <= MAX_UPLOAD_BYTES) return candidate;
    }
    return null;
  }

  /** Deletes what was stored: the import did not commit. */
  async remove(): Promise<void> {
    const storage = folderStorage();
    for (const item of this.stored) {
      await storage.remove(item.storageKey).catch(() => undefined);
      for (const variant of item.row.variants ?? []) await storage.remove(variant.key).catch(() => undefined);
    }
  }
}
