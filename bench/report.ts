// The one table the bench prints.
export type Row = {
  route: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  rssMb: number | null;
  /** Server CPU time per request over the measured run (one process only). */
  cpuMsPerRequest?: number | null;
  ratio?: number;
  note?: string;
};

export function printTable(rows: Row[]): void {
  const header = ["route", "req/s", "p50 ms", "p99 ms", "errors", "RSS MB", "CPU ms/req", "vs static"];
  const lines = rows.map((r) => [
    r.route,
    r.rps.toFixed(0),
    r.p50Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    String(r.errors),
    r.rssMb === null ? "n/a" : r.rssMb.toFixed(0),
    r.cpuMsPerRequest == null ? "n/a" : r.cpuMsPerRequest.toFixed(2),
    r.ratio === undefined ? "" : `${(r.ratio * 100).toFixed(0)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const line of lines) console.log(format(line));
  console.log("");
}
