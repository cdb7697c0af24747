// The physical-limit reference: the same post's HTML served as a static file, by
// nginx (installed from Debian when missing and we may), else by a minimal Node
// server that sends a pre-compressed copy. The bench says which one it used.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export type StaticRef = { kind: string; url: string; stop: () => Promise<void> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const has = (cmd: string, args = ["-v"]) => !spawnSync(cmd, args, { stdio: "ignore" }).error;

function nginxBinary(log: (line: string) => void): string | null {
  for (const bin of ["nginx", "/usr/sbin/nginx"]) if (has(bin)) return bin;
  // Root with apt-get: install Debian's small nginx for the reference (once per machine).
  if (process.getuid?.() === 0 && has("apt-get", ["--version"])) {
    log("nginx is missing: installing Debian's nginx-light for the static reference…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const ok =
      spawnSync("apt-get", ["install", "-y", "-q", "nginx-light"], { stdio: "ignore", env }).status === 0 ||
      (spawnSync("apt-get", ["update", "-q"], { stdio: "ignore", env }),
      spawnSync("apt-get", ["install", "-y", "-q", "nginx-light"], { stdio: "ignore", env }).status === 0);
    if (ok && has("/usr/sbin/nginx")) return "/usr/sbin/nginx";
  }
  return null;
}

/**
 * Serves `html` at /post.html on 127.0.0.1:port from a temporary folder under `tmp`,
 * with a gzip copy made once beforehand (nginx's `gzip_static`): compressing on every
 * request would make the reference slower than the page cache it is compared with.
 */
export async function startStaticRef({
  html,
  port,
  tmp,
  log,
}: {
  html: string;
  port: number;
  tmp: string;
  log: (line: string) => void;
}): Promise<StaticRef> {
  // Its own folder, readable by nginx's unprivileged workers.
  const dir = fs.mkdtempSync(path.join(tmp, "static-"));
  fs.chmodSync(tmp, 0o711);
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, "www"), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "www", "post.html"), html);
  fs.writeFileSync(path.join(dir, "www", "post.html.gz"), zlib.gzipSync(html, { level: 9 }));
  const url = `http://127.0.0.1:${port}/post.html`;
  const nginx = nginxBinary(log);
  if (nginx) {
    const conf = path.join(dir, "nginx.conf");
    // One worker, like the one Node process it is compared with; no logs, no daemon.
    fs.writeFileSync(
      conf,
      `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  gzip_static on; gzip_vary on;
  server { listen 127.0.0.1:${port}; root ${dir}/www; default_type text/html; }
}
`,
    );
    const child = spawn(nginx, ["-c", conf, "-p", dir], { stdio: "ignore" });
    let exited = false;
    child.on("exit", () => (exited = true));
    for (let i = 0; i < 100; i++) {
      if (exited) break;
      if (
        (await fetch(url).then(
          (r) => r.status,
          () => 0,
        )) === 200
      ) {
        const version = spawnSync(nginx, ["-v"], { encoding: "utf8" }).stderr.trim().replace("nginx version: ", "");
        return {
          kind: `nginx (${version}, 1 worker, gzip_static)`,
          url,
          stop: () => stopChild(child, "SIGQUIT"),
        };
      }
      await sleep(50);
    }
    await stopChild(child, "SIGQUIT");
    const errors = fs.existsSync(path.join(dir, "error.log"))
      ? fs.readFileSync(path.join(dir, "error.log"), "utf8").trim().split("\n").at(-1)
      : "no log";
    log(`nginx did not start (${errors}): using the Node static server.`);
  }
  return startNodeStatic(path.join(dir, "www", "post.html"), port, url);
}

/** The fallback: bench/static-server.mjs in its own process. */
async function startNodeStatic(file: string, port: number, url: string): Promise<StaticRef> {
  const child = spawn(process.execPath, [path.join(__dirname, "static-server.mjs"), file, String(port)], {
    stdio: "ignore",
  });
  const stop = () => stopChild(child, "SIGTERM");
  for (let i = 0; i < 100; i++) {
    if (
      (await fetch(url).then(
        (r) => r.status,
        () => 0,
      )) === 200
    ) {
      return {
        kind: "Node static server (nginx not available; bench/static-server.mjs, pre-compressed body)",
        url,
        stop,
      };
    }
    await sleep(50);
  }
  await stop();
  throw new Error("the Node static server did not start");
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await Promise.race([gone, sleep(5_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
