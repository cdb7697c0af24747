// The dependency floor of SECURITY.md, enforced on what is actually installed
// (npm audit cannot run here). The table in SECURITY.md is the single source.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "..");
// Issue 6: the framework, React, auth, ORM, driver (and its SQLite) and the sanitiser.
const REQUIRED = [
  "next",
  "react",
  "react-dom",
  "next-auth",
  "@auth/core",
  "drizzle-orm",
  "better-sqlite3",
  "sqlite",
  "rehype-sanitize",
];

type Version = { core: number[]; pre: (string | number)[] };

function parse(version: string): Version {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version.trim());
  if (!match) throw new Error(`Not a version: ${version}`);
  const pre = match[4] ? match[4].split(".").map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [];
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre };
}

/** Semver precedence: < 0, 0, > 0. A pre-release sorts before its release. */
function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const [p, q] = [x.pre[i], y.pre[i]];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === "number" && typeof q === "number") return p - q;
    if (typeof p === "number") return -1;
    if (typeof q === "number") return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

function floorTable(): Map<string, string> {
  const text = fs.readFileSync(path.join(ROOT, "SECURITY.md"), "utf8");
  const rows = [...text.matchAll(/^\| `([^`]+)` \| (\d+\.\d+\.\d+[^ |]*) \|/gm)];
  return new Map(rows.map((row) => [row[1]!, row[2]!]));
}

function installed(name: string): string {
  if (name === "sqlite") {
    const db = new Database(":memory:");
    try {
      return db.prepare("SELECT sqlite_version()").pluck().get() as string;
    } finally {
      db.close();
    }
  }
  return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version as string;
}

describe("version comparison", () => {
  test.each([
    ["16.2.10", "16.3.3", -1],
    ["19.10.0", "19.2.8", 1],
    ["5.0.0-beta.31", "5.0.0-beta.32", -1],
    ["5.0.0-beta.100", "5.0.0-beta.32", 1],
    ["5.0.0", "5.0.0-beta.32", 1],
    ["3.53.2", "3.53.2", 0],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe("dependency floor (SECURITY.md)", () => {
  const floors = floorTable();

  test("lists every package the floor must cover", () => {
    expect([...floors.keys()].sort()).toEqual([...REQUIRED].sort());
  });

  test.each(REQUIRED)("installed %s is at or above its minimum", (name) => {
    const minimum = floors.get(name);
    expect(minimum, `${name} has no row in SECURITY.md`).toBeDefined();
    const version = installed(name);
    expect(
      compareVersions(version, minimum!),
      `${name} ${version} is below the floor ${minimum} (see SECURITY.md)`,
    ).toBeGreaterThanOrEqual(0);
  });
});
