// The load-balancer configuration shipped in docs/deploy/: the cluster journey runs nginx
// with docs/deploy/nginx.conf, rewritten only in its addresses; `nginx -t` accepts it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NGINX, NGINX_TEMPLATE, siteConfig } from "../e2e/cluster/processes";

const template = fs.readFileSync(NGINX_TEMPLATE, "utf8");

describe("docs/deploy/nginx.conf", () => {
  it("retries only what can be retried, forwards the client's address and checks nothing itself", () => {
    expect(template).toMatch(/^\s*proxy_next_upstream error timeout http_502 http_503;$/m);
    expect(template).not.toMatch(/non_idempotent/);
    expect(template).toMatch(/^\s*proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;$/m);
    expect(template).toMatch(/^\s*proxy_set_header Host \$http_host;$/m);
  });

  it("becomes the test's configuration by its addresses alone", () => {
    const config = siteConfig(template, 4000, [4001, 4002]);
    expect(config).toMatch(/^\s*listen 127\.0\.0\.1:4000;$/m);
    expect([...config.matchAll(/server 127\.0\.0\.1:(\d+) max_fails=1 fail_timeout=5s;/g)].map((m) => m[1])).toEqual([
      "4001",
      "4002",
    ]);
    expect(config).not.toMatch(/127\.0\.0\.1:300\d/);
    // Everything else is as shipped.
    const strip = (text: string) =>
      text
        .split("\n")
        .filter((line) => !/^\s*(server 127\.0\.0\.1:|listen )/.test(line))
        .join("\n");
    expect(strip(config)).toBe(strip(template));
  });

  it("is accepted by nginx -t", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-nginx-t-"));
    fs.writeFileSync(path.join(dir, "quire.conf"), siteConfig(template, 4000, [4001, 4002, 4003]));
    fs.writeFileSync(
      path.join(dir, "nginx.conf"),
      `pid ${dir}/nginx.pid;\nevents {}\nhttp {\n  include ${dir}/quire.conf;\n}\n`,
    );
    const result = spawnSync(NGINX, ["-t", "-p", `${dir}/`, "-c", `${dir}/nginx.conf`, "-e", `${dir}/error.log`], {
      encoding: "utf8",
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`).toContain("syntax is ok");
    expect(result.status).toBe(0);
  });
});
