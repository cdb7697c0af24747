import fs from "node:fs";
import { readBlogger } from "./blogger";
import { readGhost } from "./ghost";
import { looksLikeQuireExport } from "./quire";
import { QUIRE_DOCUMENT } from "./quire-zip";
import { IMPORT_FORMATS, ImportError, type ImportFormat, type ImportSource } from "./shape";
import { readWordPress } from "./wordpress";

/** The format from the first bytes of the file (a `--format` flag overrides it). */
export function detectFormat(file: string): ImportFormat {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) return "markdown";
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, "r");
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const bytes = head.subarray(0, read);
  // A zip is a Quire export when its first entry is the export's document (the exporter writes it first).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return bytes.subarray(30, 30 + bytes.readUInt16LE(26)).toString("utf8") === QUIRE_DOCUMENT ? "quire" : "markdown";
  const text = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (looksLikeQuireExport(text)) return "quire";
  if (text.startsWith("{")) return "ghost";
  if (/<rss[\s>]/.test(text) && /wordpress\.org\/export\//.test(text)) return "wordpress";
  if (/<feed[\s>]/.test(text) && /blogger/i.test(text)) return "blogger";
  if (/<rss[\s>]/.test(text)) return "wordpress";
  throw new ImportError(
    "Could not tell the file's format: name it with --format (wordpress, ghost, blogger, markdown or quire).",
  );
}

export function parseFormat(value: string): ImportFormat {
  if ((IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat;
  throw new ImportError(`Unknown format “${value}”: use one of ${IMPORT_FORMATS.join(", ")}.`);
}

/** Opens `file` as a stream of import items, in the given or detected format. */
export async function openSource(file: string, format?: ImportFormat): Promise<ImportSource> {
  if (!fs.existsSync(file)) throw new ImportError(`There is no file or folder at ${file}.`);
  const chosen = format ?? detectFormat(file);
  switch (chosen) {
    case "wordpress":
      return readWordPress(file);
    case "ghost":
      return readGhost(file);
    case "blogger":
      return readBlogger(file);
    case "markdown":
      return (await import("./markdown")).readMarkdown(file);
    case "quire":
      return (await import("./quire")).readQuire(file);
  }
}
