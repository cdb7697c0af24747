import fs from "node:fs";
import path from "node:path";
import yauzl from "yauzl";
import { ImportError } from "./shape";

// The Markdown files of a folder or a zip, one at a time. A zip is checked before any
// file is read: no absolute paths, no "..", no symbolic links, and limits on entries,
// sizes and compression ratio (zip bombs); sizes are checked again while inflating.

export const ZIP_LIMITS = {
  entries: 50_000,
  fileBytes: 16 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
  /** Uncompressed / compressed past this (for files over 1 MB) is a bomb, not a text file. */
  ratio: 200,
};

export type MarkdownFile = { relativePath: string; text: string };
export type SkippedFile = { relativePath: string; reason: string };

const MARKDOWN = /\.(md|markdown|mdx)$/i;
const decoder = () => new TextDecoder("utf-8", { fatal: true });

function decode(bytes: Buffer, name: string): string {
  try {
    return decoder().decode(bytes);
  } catch {
    throw new ImportError(`${name} is not valid UTF-8.`);
  }
}

/** Markdown files of a folder, walked without following symbolic links. */
export async function* folderFiles(root: string): AsyncGenerator<MarkdownFile | SkippedFile> {
  const pending = [""];
  let seen = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = await fs.promises.readdir(path.join(root, dir), { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const relativePath = path.posix.join(dir, entry.name);
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      if (entry.isSymbolicLink()) {
        yield { relativePath, reason: "a symbolic link: not followed" };
        continue;
      }
      if (entry.isDirectory()) {
        pending.push(relativePath);
        continue;
      }
      if (!entry.isFile() || !MARKDOWN.test(entry.name)) continue;
      if (++seen > ZIP_LIMITS.entries)
        throw new ImportError(`The folder holds more than ${ZIP_LIMITS.entries} Markdown files.`);
      const full = path.join(root, relativePath);
      if ((await fs.promises.stat(full)).size > ZIP_LIMITS.fileBytes) {
        yield { relativePath, reason: `larger than ${ZIP_LIMITS.fileBytes / 1024 / 1024} MB` };
        continue;
      }
      yield { relativePath, text: decode(await fs.promises.readFile(full), relativePath) };
    }
  }
}

export function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
      (error, zip) => (error ? reject(new ImportError(`The zip cannot be read: ${error.message}.`)) : resolve(zip)),
    ),
  );
}

/** Every entry's header, checked before anything is inflated. */
export function checkedEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let total = 0;
    // The caller closes the zip, refused or not.
    const refuse = (message: string) => reject(new ImportError(message));
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (entries.length >= ZIP_LIMITS.entries)
        return refuse(`The zip holds more than ${ZIP_LIMITS.entries} entries: refused.`);
      if (/^([/\\]|[a-zA-Z]:)/.test(name) || name.split(/[/\\]/).includes(".."))
        return refuse(`The zip names a file outside its own folder (“${name}”): refused.`);
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (mode === 0o120000) return refuse(`The zip holds a symbolic link (“${name}”): refused.`);
      total += entry.uncompressedSize;
      if (total > ZIP_LIMITS.totalBytes)
        return refuse(`The zip would unpack to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB: refused.`);
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize / Math.max(1, entry.compressedSize) > ZIP_LIMITS.ratio
      )
        return refuse(`“${name}” is compressed more than ${ZIP_LIMITS.ratio} to 1 (a zip bomb?): refused.`);
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (error: Error) => {
      // yauzl checks names itself first: its words, said as ours.
      const unsafe = /(?:invalid relative path|absolute path): (.*)$/.exec(error.message);
      refuse(
        unsafe
          ? `The zip names a file outside its own folder (“${unsafe[1]}”): refused.`
          : `The zip cannot be read: ${error.message}.`,
      );
    });
    zip.readEntry();
  });
}

export function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(new ImportError(`“${entry.fileName}” cannot be read: ${error.message}.`));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // yauzl checks the declared size too; this bounds memory whatever the header says.
        if (size > ZIP_LIMITS.fileBytes) {
          stream.destroy();
          reject(
            new ImportError(`“${entry.fileName}” unpacks past ${ZIP_LIMITS.fileBytes / 1024 / 1024} MB: refused.`),
          );
        } else chunks.push(chunk);
      });
      stream.on("error", (streamError: Error) =>
        reject(new ImportError(`“${entry.fileName}” cannot be unpacked: ${streamError.message}.`)),
      );
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    }),
  );
}

/** Markdown files of a zip, after every entry has passed the checks above. */
export async function* zipFiles(file: string): AsyncGenerator<MarkdownFile | SkippedFile> {
  const zip = await openZip(file);
  try {
    const entries = await checkedEntries(zip);
    for (const entry of entries) {
      if (entry.fileName.endsWith("/") || !MARKDOWN.test(entry.fileName)) continue;
      if (entry.uncompressedSize > ZIP_LIMITS.fileBytes) {
        yield { relativePath: entry.fileName, reason: `larger than ${ZIP_LIMITS.fileBytes / 1024 / 1024} MB` };
        continue;
      }
      yield { relativePath: entry.fileName, text: decode(await readEntry(zip, entry), entry.fileName) };
    }
  } finally {
    zip.close();
  }
}
