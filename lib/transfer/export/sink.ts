import type { Writable } from "node:stream";

// Writers build their output as many small strings; sending each to the stream
// would cost a syscall-sized overhead per string. Chunks are gathered up to this
// size and then written, and the writer waits for `drain` between pages: the memory
// held is one page of rows plus this buffer, whatever the size of the site.
const CHUNK_BYTES = 256 * 1024;

// An export file's write stream buffers this much before it asks the writer to wait. With
// fs's default (16 KB) every 256 KB chunk, and every zip entry, was a `drain` wait: the
// next page of rows was read only once the last one was on disk, tens of thousands of
// round trips through the thread pool, each waiting for a turn of a busy CPU (a 100k
// Markdown export: 33 s of CPU, 560 s of wall time, 100k voluntary context switches).
// With room for a few chunks, reading rows and writing the file overlap.
export const FILE_HIGH_WATER = 4 * 1024 * 1024;

/** Text output with bounded memory: `write` gathers, `settle` waits for the stream to catch up. */
export class TextSink {
  private parts: string[] = [];
  private pending = 0;
  private needsDrain = false;
  private failure: Error | null = null;
  /** Bytes handed to the stream so far (UTF-8). */
  written = 0;

  constructor(private readonly stream: Writable) {
    stream.on("error", (error) => {
      this.failure = error;
    });
  }

  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= CHUNK_BYTES) this.push();
  }

  private push(): void {
    if (this.parts.length === 0) return;
    const chunk = Buffer.from(this.parts.join(""), "utf8");
    this.parts = [];
    this.pending = 0;
    this.written += chunk.length;
    if (!this.stream.write(chunk)) this.needsDrain = true;
  }

  /** Whether the stream asked to wait: then `settle()` before writing more. */
  get full(): boolean {
    return this.needsDrain || this.failure !== null;
  }

  /** Returns once the stream has taken what was written so far. */
  async settle(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.needsDrain) return;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        this.stream.off("error", fail);
        resolve();
      };
      const fail = (error: Error) => {
        this.stream.off("drain", done);
        reject(error);
      };
      this.stream.once("drain", done);
      this.stream.once("error", fail);
    });
    this.needsDrain = false;
  }

  /** Writes what is left and ends the stream; resolves when the stream has finished. */
  async end(): Promise<void> {
    this.push();
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.once("error", reject);
      this.stream.end(() => resolve());
    });
  }
}
