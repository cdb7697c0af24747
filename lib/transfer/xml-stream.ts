import fs from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { ImportError } from "./shape";

// A streaming XML reader for the blog formats: the file is read in chunks, and only
// one record (a WXR <item>, an Atom <entry>) is held in memory at a time, as a small
// tree. No DOCTYPE is accepted, so no entity is ever expanded or fetched (billion
// laughs, external entities); bytes that are not UTF-8 are refused, not replaced.

export type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

/** Text between two tags past this is refused: no real post is that long, and saxes buffers it whole. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;
const CHUNK = 64 * 1024;

export type XmlStreamOptions = {
  /** The element's canonical name from its namespace URI and local name ("wp:post_id"). */
  nameOf: (uri: string, local: string) => string;
  /** Whether an element (by its ancestors' names and its own) is a record to yield whole. */
  isRecord: (path: readonly string[]) => boolean;
  /** Progress: bytes read so far. */
  onBytes?: (bytes: number) => void;
};

function lineCol(parser: SaxesParser): string {
  return `line ${parser.line}, column ${parser.column}`;
}

/** The children of `node` named `name`. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((child) => child.name === name);
}

/** The trimmed text of the first child named `name`, or "". */
export function childText(node: XmlNode, name: string): string {
  return node.children.find((child) => child.name === name)?.text.trim() ?? "";
}

/** Reads `file` and yields each record element, with `root` describing the ancestors' names. */
export async function* streamXmlRecords(
  file: string,
  options: XmlStreamOptions,
): AsyncGenerator<{ path: readonly string[]; node: XmlNode }> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  // The open elements of the current record, innermost last; empty outside a record.
  const open: XmlNode[] = [];
  const ready: { path: readonly string[]; node: XmlNode }[] = [];
  let failure: ImportError | undefined;
  let lastEventAt = 0;
  let rootSeen = false;

  const fail = (message: string) => {
    failure ??= new ImportError(message);
  };
  parser.on("error", (error) =>
    fail(`The XML is malformed at ${lineCol(parser)}: ${error.message.replace(/^(?:.*?:)?\d+:\d+: /, "")}`),
  );
  parser.on("doctype", () =>
    fail(
      `The file declares a DOCTYPE (${lineCol(parser)}). Export files never need one; it is refused so that no entity is expanded or fetched.`,
    ),
  );
  parser.on("opentag", (tag: SaxesTagNS) => {
    lastEventAt = parser.position;
    rootSeen = true;
    const name = options.nameOf(tag.uri, tag.local);
    path.push(name);
    if (open.length > 0 || options.isRecord(path)) {
      const attrs: Record<string, string> = {};
      for (const attr of Object.values(tag.attributes)) attrs[attr.local] = attr.value;
      const node: XmlNode = { name, attrs, children: [], text: "" };
      open.at(-1)?.children.push(node);
      open.push(node);
    }
  });
  const addText = (text: string) => {
    lastEventAt = parser.position;
    const node = open.at(-1);
    if (node) node.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    lastEventAt = parser.position;
    const node = open.pop();
    if (node && open.length === 0) ready.push({ path: path.slice(0, -1), node });
    path.pop();
  });

  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new ImportError(`The file is not valid UTF-8 (bad bytes within bytes ${bytes}–${bytes + chunk.length}).`);
      }
      bytes += chunk.length;
      options.onBytes?.(bytes);
      parser.write(text);
      if (failure) throw failure;
      if (parser.position - lastEventAt > MAX_TEXT_BYTES)
        throw new ImportError(
          `A single text node is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB (from ${lineCol(parser)}): refused.`,
        );
      while (ready.length > 0) yield ready.shift()!;
    }
    try {
      decoder.decode();
    } catch {
      throw new ImportError("The file is not valid UTF-8 (it ends inside a character).");
    }
    parser.close();
    if (failure) throw failure;
    if (!rootSeen) throw new ImportError("The file holds no XML element.");
    while (ready.length > 0) yield ready.shift()!;
  } finally {
    stream.destroy();
  }
}
