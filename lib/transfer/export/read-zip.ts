// Reads a zip back, for the export tests (with yauzl, the reader the importer uses).
import yauzl from "yauzl";

/**
 * The entries of a zip, by name: each one's bytes when `wanted` says so, every name either
 * way. Opening an entry is the slow part (70,000 of them take 30 s), its name in the central
 * directory is not.
 */
export function readZip(file: string, wanted: (name: string) => boolean = () => true): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (!wanted(entry.fileName)) {
          entries.set(entry.fileName, Buffer.alloc(0));
          return zip.readEntry();
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
