import path from "node:path";
import { Worker } from "node:worker_threads";
import { convertBody, type ConvertedBody } from "./convert";
import type { ConvertRequest } from "./convert-worker";

// Converting post bodies (HTML → Markdown → rendered HTML) is most of an import's time, and
// it is pure CPU work on one body at a time: a pool of worker threads does it on every core
// while the main thread reads the staging file and stores the results. Each worker's heap
// is capped (resourceLimits), so the garbage of a hundred thousand conversions is collected
// in small heaps instead of growing the main one.
//
// The workers run the TypeScript sources through tsx's require hook, so a pool is for the
// command line (bin/cli/import.ts, --workers N, off by default), which runs under tsx; the
// server's import job converts in its own thread (convert-step.ts, inProcessConverter).

// Each worker's heap: the pipeline's modules and one body's trees at a time. Measured at 2k
// posts (README, "Speed and memory"): 128 MB + 64 MB cost 4 % more CPU than one thread and
// add ~160 MB of RSS; 64 MB + 32 MB kept RSS at the one thread's but cost 60 % more CPU
// in collections. The young generation is set too: V8 derives a small one from a small
// heap limit, and the many short-lived trees of a conversion then cost a third more CPU.
const WORKER_HEAP_MB = 128;
const WORKER_YOUNG_MB = 64;
/** Workers that may die before the pool stops replacing them (one that cannot even start). */
const MAX_REPLACEMENTS = 3;

type Pending = {
  format: "html" | "markdown";
  text: string;
  resolve: (body: ConvertedBody) => void;
  reject: (error: Error) => void;
};
type Slot = { worker: Worker; pending: Map<number, Pending> };
type Reply = { id: number; body?: ConvertedBody; error?: string };

export class ConvertPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;
  private replacements = 0;

  constructor(size: number) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  /** Converts one body in the least busy worker. */
  convert(format: "html" | "markdown", text: string): Promise<ConvertedBody> {
    if (this.closed) return Promise.reject(new Error("the conversion pool is closed"));
    if (this.slots.length === 0) return convertBody(format, text);
    const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { format, text, resolve, reject });
      slot.worker.postMessage({ id, format, text } satisfies ConvertRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(
      `require(${JSON.stringify(require.resolve("tsx/cjs/api"))}).register();` +
        `require(${JSON.stringify(path.join(__dirname, "convert-worker.ts"))});`,
      {
        eval: true,
        execArgv: ["--conditions=react-server"],
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      },
    );
    const slot: Slot = { worker, pending: new Map() };
    worker.on("message", ({ id, body, error }: Reply) => {
      const task = slot.pending.get(id);
      slot.pending.delete(id);
      if (error !== undefined || !body) task?.reject(new Error(error ?? "no result"));
      else task?.resolve(body);
    });
    // A worker that dies (a body too large for its capped heap, a crash) loses nothing: its
    // bodies are converted here in the main thread, and a fresh worker takes its place.
    const fail = () => {
      for (const task of slot.pending.values()) convertBody(task.format, task.text).then(task.resolve, task.reject);
      slot.pending.clear();
      const index = this.slots.indexOf(slot);
      if (this.closed || index < 0) return;
      if (++this.replacements > MAX_REPLACEMENTS) this.slots.splice(index, 1);
      else this.slots[index] = this.spawn();
    };
    worker.on("error", fail);
    worker.on("exit", fail);
    return slot;
  }
}
