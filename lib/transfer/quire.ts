import fs from "node:fs";
import readline from "node:readline";
import type { Readable } from "node:stream";
import { unpackZip } from "./quire-zip";
import { RecordReader } from "./quire-records";
import { LISTS } from "./quire-schema";
import { ImportError, type ImportItem, type ImportSource } from "./shape";

// Quire's own export (docs/export-format.md) read back: "quire-export" version 1, as a
// .json file or a zip (quire-zip.ts). The exporter writes one record per line
// (quire-json.ts), so the file is read line by line and never held whole. A file re-indented
// by another tool has lost that layout: it is then parsed whole, up to a size limit. Each
// record becomes import items in quire-records.ts.

/** A re-indented export is parsed whole: past this size it is refused instead. */
const MAX_WHOLE_BYTES = 256 * 1024 * 1024;

/** Whether a file's first bytes are a Quire export (detect.ts). */
export function looksLikeQuireExport(head: string): boolean {
  return /^\{\s*"format"\s*:\s*"quire-export"/.test(head);
}

export async function readQuire(file: string): Promise<ImportSource> {
  const total = fs.statSync(file).size;
  let done = 0;
  const isZip = (() => {
    const fd = fs.openSync(file, "r");
    const head = Buffer.alloc(2);
    try {
      fs.readSync(fd, head, 0, 2, 0);
    } finally {
      fs.closeSync(fd);
    }
    return head[0] === 0x50 && head[1] === 0x4b;
  })();
  if (!isZip) {
    const lines = () => {
      const stream = fs.createReadStream(file);
      stream.on("data", (chunk) => (done += chunk.length));
      return stream;
    };
    return { format: "quire", items: parse(lines, total), position: () => ({ done, total }) };
  }
  const unpacked = await unpackZip(file);
  return {
    format: "quire",
    items: parse(() => unpacked.document(), total),
    position: () => ({ done: unpacked.read(), total }),
    mediaDir: () => unpacked.dir,
    close: async () => {
      unpacked.close();
      await fs.promises.rm(unpacked.dir, { recursive: true, force: true });
    },
  };
}

/** "  "posts": [" (or "  "posts": []"): a list opening in the exporter's layout. */
const LIST_START = /^ {2}"([a-z_]+)": \[(\])?,?$/;
const LIST_END = /^ {2}\],?$/;

async function* parse(open: () => Readable, total: number): AsyncGenerator<ImportItem> {
  const input = open();
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const second = await iterator.next();
  const streamed = first.value === "{" && typeof second.value === "string" && /^ {2}"format": /.test(second.value);
  if (!streamed) {
    lines.close();
    input.destroy();
    yield* parseWhole(open, total);
    return;
  }
  const reader = new RecordReader();
  const header: string[] = [first.value, second.value];
  let list: string | null = null;
  let lineNumber = 2;
  let headerDone = false;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const line = next.value;
    lineNumber++;
    const start = LIST_START.exec(line);
    if (list === null && start) {
      if (!headerDone) {
        yield* reader.header(parseJson(`${header.join("\n").replace(/,\s*$/, "")}\n}`, 1));
        headerDone = true;
      }
      list = start[2] ? null : start[1]!;
      continue;
    }
    if (!headerDone) {
      header.push(line);
      continue;
    }
    if (list === null) {
      if (line === "}" || line === "") continue;
      throw new ImportError(`Line ${lineNumber} is not where the Quire export's layout puts a list.`);
    }
    if (LIST_END.test(line)) {
      list = null;
      continue;
    }
    yield* reader.record(list, parseJson(line.trim().replace(/,$/, ""), lineNumber), lineNumber);
  }
  if (!headerDone) throw new ImportError("The Quire export ends before its first list.");
}

/** A Quire export without the exporter's layout (re-indented, minified): parsed whole. */
async function* parseWhole(open: () => Readable, total: number): AsyncGenerator<ImportItem> {
  if (total > MAX_WHOLE_BYTES)
    throw new ImportError(
      `This Quire export is not laid out one record per line, and at over ${MAX_WHOLE_BYTES / 1024 / 1024} MB it is too large to read whole: export it again with Quire.`,
    );
  const chunks: Buffer[] = [];
  for await (const chunk of open()) chunks.push(chunk as Buffer);
  const document = parseJson(Buffer.concat(chunks).toString("utf8"), 1) as Record<string, unknown>;
  const reader = new RecordReader();
  yield* reader.header(document);
  for (const list of LISTS) {
    const records = document[list];
    if (records === undefined) continue;
    if (!Array.isArray(records)) throw new ImportError(`“${list}” in the Quire export is not a list.`);
    for (const [index, record] of records.entries()) yield* reader.record(list, record, index + 1);
  }
}

function parseJson(textValue: string, line: number): unknown {
  try {
    return JSON.parse(textValue);
  } catch (error) {
    throw new ImportError(`Line ${line} of the Quire export is not valid JSON: ${(error as Error).message}.`);
  }
}
