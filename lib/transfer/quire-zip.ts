import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import type yauzl from "yauzl";
import { checkedEntries, openZip, readEntry } from "./markdown-files";
import { ImportError } from "./shape";

// A Quire export as a zip: quire-export.json and media/<storage_key> (docs/export-format.md).

export const QUIRE_DOCUMENT = "quire-export.json";

/** A Quire export zip: its media files unpacked to a temporary folder (each checked as the Markdown
 * importer checks zips), and its document streamed from the zip. */
export async function unpackZip(file: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-import-zip-"));
  const zip = await openZip(file);
  let documentEntry: yauzl.Entry | undefined;
  let read = 0;
  try {
    for (const entry of await checkedEntries(zip)) {
      if (entry.fileName === QUIRE_DOCUMENT) documentEntry = entry;
      else if (entry.fileName.startsWith("media/") && !entry.fileName.endsWith("/")) {
        const target = path.join(dir, entry.fileName);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, await readEntry(zip, entry));
      }
    }
  } catch (error) {
    zip.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  if (!documentEntry) {
    zip.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new ImportError(`The zip holds no ${QUIRE_DOCUMENT}: it is not a Quire export.`);
  }
  const entry = documentEntry;
  return {
    dir,
    read: () => read,
    close: () => {
      if (zip.isOpen) zip.close();
    },
    document: (): Readable => {
      // yauzl opens entries with a callback: a pass-through stream bridges it to readline.
      const out = new PassThrough();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return out.destroy(new ImportError(`${QUIRE_DOCUMENT} cannot be read: ${error.message}.`));
        stream.on("data", (chunk: Buffer) => (read += chunk.length));
        stream.on("error", (streamError) => out.destroy(streamError));
        stream.pipe(out);
      });
      return out;
    },
  };
}
