import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "../env";

/**
 * Uploaded files, behind one small interface so another backend (S3-compatible
 * storage) can replace the folder. Keys are generated here, never taken from a user.
 */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  read(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

// "2026/11/3f9a…-w1600.png": lowercase segments, no dots leading a segment, so no "..".
const KEY_PATTERN = /^[a-z0-9]+(?:\/[a-z0-9][a-z0-9_-]*)*\.[a-z0-9]+$/;

export function isValidMediaKey(key: string): boolean {
  return key.length <= 200 && KEY_PATTERN.test(key);
}

/** A fresh storage name for an upload of this width and extension. */
export function newMediaKey(ext: string, width: number, now = new Date()): { base: string; key: string } {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const base = `${month}/${randomBytes(8).toString("hex")}`;
  return { base, key: `${base}-w${width}.${ext}` };
}

/** The media folder: QUIRE_MEDIA_DIR, or `media` inside the data folder. */
export function mediaRoot(): string {
  return getEnv().mediaDir;
}

// Resolves inside the media folder or not at all: a second guard behind the key pattern.
function fileFor(root: string, key: string): string | null {
  if (!isValidMediaKey(key)) return null;
  const file = path.resolve(root, key);
  return file.startsWith(root + path.sep) ? file : null;
}

export function folderStorage(root = mediaRoot()): MediaStorage {
  return {
    async put(key, bytes) {
      const file = fileFor(root, key);
      if (!file) throw new Error(`invalid media key: ${key}`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, bytes, { flag: "wx" });
    },
    async read(key) {
      const file = fileFor(root, key);
      if (!file) return null;
      return fs.readFile(file).catch(() => null);
    },
    async remove(key) {
      const file = fileFor(root, key);
      if (file) await fs.rm(file, { force: true });
    },
  };
}
