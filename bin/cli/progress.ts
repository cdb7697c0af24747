// Progress on stderr, so stdout keeps only the result. In a terminal one line is
// redrawn in place; in a log (not a TTY) a line is printed every 10 %, so CI logs
// and tests stay short and still show that work is moving.

const BAR_WIDTH = 30;
const REDRAW_MS = 100;

export type Progress = { update(done: number): void; finish(note?: string): void };

export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  let current = 0;

  const percent = (done: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100);
  const line = (done: number) => {
    const p = percent(done);
    const filled = Math.round((p / 100) * BAR_WIDTH);
    return `${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(p).padStart(3)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
  };

  return {
    update(done) {
      current = done;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        stream.write(`\r${line(done)}`);
        return;
      }
      const tenth = Math.floor(percent(done) / 10);
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        stream.write(`${line(done)}\n`);
      }
    },
    finish(note) {
      const end = `${line(Math.max(current, total))}${note ? ` ${note}` : ""}`;
      stream.write(tty ? `\r${end}\n` : `${end}\n`);
    },
  };
}

export { formatBytes } from "../../lib/utils/format-bytes";

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
