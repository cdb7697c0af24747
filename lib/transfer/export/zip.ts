import { once } from "node:events";
import fs from "node:fs";
import { PassThrough, type Readable } from "node:stream";
import zlib from "node:zlib";
import { FILE_HIGH_WATER } from "./sink";

// A streaming zip writer. Each entry is written as soon as its turn comes, and all that
// stays in memory for the central directory at the end is its ~50-byte record, packed
// into shared buffers. (yazl, used before, keeps an object and a closure per entry until
// the end: a Markdown export of 100,000 posts held 50 MB of them, and a deflate stream
// per entry churned native memory: peak RSS 264–425 MB.)
//
// Small text entries are compressed in one call when added (their size and CRC go in
// the local header); streams and files are compressed as they are read, with a ZIP64
// data descriptor after them, so a document of any size fits. Past 65,535 entries or
// 4 GB the ZIP64 end records are written. Names are UTF-8 (flag bit 11).

const QUEUED_BYTES = 8 * 1024 * 1024; // compressed text waiting for its turn, at most (see settle)
const STREAM_HIGH_WATER = 1024 * 1024;
const CENTRAL_BLOCK = 256 * 1024;
const MAX32 = 0xffffffff;
const VERSION_MADE_BY = (3 << 8) | 45; // Unix, ZIP 4.5
const FILE_MODE = 0o100644;

// What a queued entry costs besides its bytes (its job, promise and name): counted so that
// many tiny entries cannot pile up either.
const QUEUED_ENTRY_COST = 1024;

type Job = () => Promise<void>;

// Text is encoded into one reusable buffer and compressed into an output buffer the size
// of the input, then copied out at its exact size: a fresh 16 KB output chunk and an input
// copy per entry were garbage outside the JavaScript heap, freed late (+190 MB of RSS at
// 100,000 entries).
let scratch = Buffer.alloc(256 * 1024);

function compress(text: string): { data: Buffer; crc: number; size: number } {
  const needed = Buffer.byteLength(text, "utf8");
  if (needed > scratch.length) scratch = Buffer.alloc(needed);
  const raw = scratch.subarray(0, scratch.write(text, "utf8"));
  const deflated = zlib.deflateRawSync(raw, { chunkSize: Math.max(1024, raw.length + 64) });
  return { data: Buffer.from(deflated), crc: zlib.crc32(raw), size: raw.length };
}

export class ZipWriter {
  private readonly out: fs.WriteStream;
  private readonly closed: Promise<void>;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private block = Buffer.alloc(CENTRAL_BLOCK);
  private blockUsed = 0;
  private centralSize = 0;
  private queue: Promise<void> = Promise.resolve();
  private queuedBytes = 0;
  private failure: Error | null = null;
  private readonly dosTime: number;
  private readonly dosDate: number;
  entries = 0;

  constructor(
    file: string,
    // Every entry carries the export's own time, so one export's entries agree.
    mtime = new Date(),
  ) {
    this.out = fs.createWriteStream(file, { flags: "wx", highWaterMark: FILE_HIGH_WATER });
    this.closed = new Promise((resolve, reject) => {
      this.out.on("close", resolve);
      this.out.on("error", reject);
    });
    this.closed.catch((error: Error) => {
      this.failure ??= error;
    });
    this.dosDate = ((mtime.getFullYear() - 1980) << 9) | ((mtime.getMonth() + 1) << 5) | mtime.getDate();
    this.dosTime = (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | Math.floor(mtime.getSeconds() / 2);
  }

  private readonly waiting = new Set<PassThrough>();

  private enqueue(job: Job): void {
    this.queue = this.queue
      .then(() => (this.failure ? undefined : job()))
      .catch((error: Error) => {
        this.failure ??= error;
        // A writer still feeding a stream that will never be read learns of it, rather than wait for ever.
        for (const stream of this.waiting) stream.destroy(this.failure);
      });
  }

  private async write(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await Promise.race([once(this.out, "drain"), this.closed]);
  }

  /** A stream for one large entry (the JSON or XML document), written with backpressure. */
  addStream(name: string): PassThrough {
    const stream = new PassThrough({ highWaterMark: STREAM_HIGH_WATER });
    this.entries++;
    this.waiting.add(stream);
    this.enqueue(() => this.writeStreamed(name, stream).finally(() => this.waiting.delete(stream)));
    return stream;
  }

  addText(name: string, text: string): void {
    // Only the compressed bytes wait for their turn (the job must not hold on to `raw`).
    const { data, crc, size } = compress(text);
    this.entries++;
    this.queuedBytes += data.length + QUEUED_ENTRY_COST;
    this.enqueue(async () => {
      const offset = this.offset;
      const nameBytes = Buffer.from(name, "utf8");
      await this.write(Buffer.concat([this.localHeader(nameBytes, crc, data.length, size, false), data]));
      this.queuedBytes -= data.length + QUEUED_ENTRY_COST;
      this.record(nameBytes, crc, data.length, size, offset, false);
    });
  }

  /** A file from disk, opened when the zip reaches it. */
  addFile(name: string, realPath: string): void {
    this.entries++;
    this.enqueue(() => this.writeStreamed(name, fs.createReadStream(realPath)));
  }

  private async writeStreamed(name: string, source: Readable): Promise<void> {
    const offset = this.offset;
    const nameBytes = Buffer.from(name, "utf8");
    await this.write(this.localHeader(nameBytes, 0, 0, 0, true));
    const deflate = zlib.createDeflateRaw();
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const drained = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        compressed += chunk.length;
        await this.write(chunk);
      }
    })();
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        if (!deflate.write(chunk)) await once(deflate, "drain");
      }
    } finally {
      deflate.end();
      await drained;
    }
    // ZIP64 data descriptor: signature, CRC, 8-byte sizes.
    const descriptor = Buffer.alloc(24);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeBigUInt64LE(BigInt(compressed), 8);
    descriptor.writeBigUInt64LE(BigInt(size), 16);
    await this.write(descriptor);
    this.record(nameBytes, crc, compressed, size, offset, true);
  }

  private localHeader(name: Buffer, crc: number, compressed: number, size: number, streamed: boolean): Buffer {
    // A streamed entry's sizes come after it; its ZIP64 extra field says they are 8 bytes there.
    const extra = streamed ? 20 : 0;
    const header = Buffer.alloc(30 + name.length + extra);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(streamed ? 45 : 20, 4);
    header.writeUInt16LE(0x0800 | (streamed ? 0x0008 : 0), 6);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(streamed ? MAX32 : compressed, 18);
    header.writeUInt32LE(streamed ? MAX32 : size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra, 28);
    name.copy(header, 30);
    if (streamed) {
      header.writeUInt16LE(0x0001, 30 + name.length);
      header.writeUInt16LE(16, 32 + name.length); // two 8-byte sizes, zero here
    }
    return header;
  }

  /** Appends the entry's central directory record to the packed blocks. */
  private record(name: Buffer, crc: number, compressed: number, size: number, offset: number, streamed: boolean) {
    const big = [size, compressed, offset].filter((n) => n >= MAX32);
    const extra = big.length ? 4 + 8 * big.length : 0;
    const length = 46 + name.length + extra;
    if (this.blockUsed + length > this.block.length) {
      this.central.push(this.block.subarray(0, this.blockUsed));
      this.block = Buffer.alloc(Math.max(CENTRAL_BLOCK, length));
      this.blockUsed = 0;
    }
    const b = this.block;
    const at = this.blockUsed;
    b.writeUInt32LE(0x02014b50, at);
    b.writeUInt16LE(VERSION_MADE_BY, at + 4);
    b.writeUInt16LE(streamed || big.length ? 45 : 20, at + 6);
    b.writeUInt16LE(0x0800 | (streamed ? 0x0008 : 0), at + 8);
    b.writeUInt16LE(8, at + 10);
    b.writeUInt16LE(this.dosTime, at + 12);
    b.writeUInt16LE(this.dosDate, at + 14);
    b.writeUInt32LE(crc, at + 16);
    b.writeUInt32LE(Math.min(compressed, MAX32), at + 20);
    b.writeUInt32LE(Math.min(size, MAX32), at + 24);
    b.writeUInt16LE(name.length, at + 28);
    b.writeUInt16LE(extra, at + 30);
    b.writeUInt16LE(0, at + 32); // comment
    b.writeUInt16LE(0, at + 34); // disk
    b.writeUInt16LE(0, at + 36); // internal attributes
    b.writeUInt32LE((FILE_MODE << 16) >>> 0, at + 38);
    b.writeUInt32LE(Math.min(offset, MAX32), at + 42);
    name.copy(b, at + 46);
    if (big.length) {
      // The ZIP64 extra field holds, in this order, whichever of the three did not fit.
      let p = at + 46 + name.length;
      b.writeUInt16LE(0x0001, p);
      b.writeUInt16LE(8 * big.length, p + 2);
      p += 4;
      for (const n of big) {
        b.writeBigUInt64LE(BigInt(n), p);
        p += 8;
      }
    }
    this.blockUsed += length;
    this.centralSize += length;
  }

  /** Waits while too much compressed text is waiting for its turn. */
  async settle(): Promise<void> {
    while (this.queuedBytes > QUEUED_BYTES && !this.failure) {
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 5)), this.queue]);
    }
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<void> {
    await this.queue;
    if (this.failure) throw this.failure;
    this.central.push(this.block.subarray(0, this.blockUsed));
    const start = this.offset;
    for (const block of this.central) await this.write(block);
    const count = this.entries;
    const zip64 = count >= 0xffff || start >= MAX32 || this.centralSize >= MAX32;
    const end: Buffer[] = [];
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(VERSION_MADE_BY, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(this.centralSize), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(start + this.centralSize), 8);
      locator.writeUInt32LE(1, 16);
      end.push(record, locator);
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(zip64 ? 0xffff : count, 8);
    eocd.writeUInt16LE(zip64 ? 0xffff : count, 10);
    eocd.writeUInt32LE(Math.min(this.centralSize, MAX32), 12);
    eocd.writeUInt32LE(zip64 ? MAX32 : start, 16);
    end.push(eocd);
    await this.write(Buffer.concat(end));
    this.out.end();
    await this.closed;
  }
}
