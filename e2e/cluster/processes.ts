// Child processes of the cluster journeys and the bench: Quire servers and Debian's nginx
// (run in the foreground with its prefix, pid and logs in a temp folder, configured from
// the very file docs/deploy/nginx.conf ships). Plain Node, no Playwright: bench/ uses it too.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const NGINX_TEMPLATE = path.join(ROOT, "docs", "deploy", "nginx.conf");

// A test or bench that dies (a timeout, a crash) must not leave its processes running.
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function answers(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

/** A child process whose output is kept, started and stopped by the test. */
export class Child {
  protected child: ChildProcess | null = null;
  log = "";

  protected spawn(command: string, args: string[], env: NodeJS.ProcessEnv) {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env });
    this.child = child;
    live.add(child);
    child.once("exit", () => live.delete(child));
    const read = (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-200_000));
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    return child;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  stop(): Promise<void> {
    return this.kill("SIGTERM");
  }
}

/** Debian's nginx as an unprivileged foreground process, its prefix, pid and logs in a temp folder. */
export class Nginx extends Child {
  readonly url: string;
  readonly dir: string;

  constructor(
    readonly port: number,
    readonly upstreams: number[],
  ) {
    super();
    this.url = `http://127.0.0.1:${port}`;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-nginx-"));
    // As root, nginx's workers run as nobody: they must reach the temp folders made here.
    fs.chmodSync(this.dir, 0o755);
  }

  /** Which upstream answered each request (the access log's last field). */
  upstreamsUsed(): string[] {
    const file = path.join(this.dir, "access.log");
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" ").at(-1)!);
  }

  async start(): Promise<void> {
    const site = siteConfig(fs.readFileSync(NGINX_TEMPLATE, "utf8"), this.port, this.upstreams);
    fs.writeFileSync(path.join(this.dir, "quire.conf"), site);
    const d = this.dir;
    fs.writeFileSync(
      path.join(d, "nginx.conf"),
      [
        "daemon off;",
        "worker_processes 1;",
        `pid ${d}/nginx.pid;`,
        `error_log ${d}/error.log warn;`,
        "events { worker_connections 1024; }",
        "http {",
        "  log_format upstream '$status $request_method $request_uri $upstream_addr';",
        `  access_log ${d}/access.log upstream;`,
        ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${d}/${kind};`),
        `  include ${d}/quire.conf;`,
        "}",
        "",
      ].join("\n"),
    );
    const child = this.spawn(NGINX, ["-p", `${d}/`, "-c", `${d}/nginx.conf`, "-e", `${d}/error.log`], process.env);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`nginx exited while starting:\n${this.log}\n${this.errors()}`);
      if (await answers(`${this.url}/api/health`)) return;
      await sleep(100);
    }
    throw new Error(`nginx did not answer within 15 s:\n${this.log}\n${this.errors()}`);
  }

  errors(): string {
    const file = path.join(this.dir, "error.log");
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  }

  async stop(): Promise<void> {
    await super.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The shipped site configuration with this test's addresses: its upstream servers become
 * `upstreams` and `listen 80;` becomes the loopback port. Every other line is as shipped;
 * a template that no longer has those lines fails here, not silently.
 */
export function siteConfig(template: string, port: number, upstreams: number[]): string {
  const servers = [...template.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/gm)];
  if (servers.length === 0) throw new Error("docs/deploy/nginx.conf has no `server 127.0.0.1:PORT …;` upstream line");
  if (!/^\s*listen 80;$/m.test(template)) throw new Error("docs/deploy/nginx.conf has no `listen 80;` line");
  const [first] = servers;
  const indent = first![1]!;
  const options = first![2] ?? "";
  let config = template.replace(/^\s*server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm, "");
  config = config.replace(
    /^(\s*upstream quire \{\n)/m,
    `$1${upstreams.map((p) => `${indent}server 127.0.0.1:${p}${options};\n`).join("")}`,
  );
  if (!config.includes(`server 127.0.0.1:${upstreams[0]}`))
    throw new Error("docs/deploy/nginx.conf has no `upstream quire {` block");
  return config.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
}
