import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { connected, onPostgres } from "../fixtures/db";

// Raw HTTP access to the built server's actions, as a script (not a browser) would do
// it: the ids come from the build's manifest, the arguments are plain JSON, which
// React's decodeReply accepts in place of FormData.

export type BuiltAction = { id: string; name: string; file: string; page: string };

/** Every server action the build exposes, with a page that serves it. */
export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string; filename: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
    page: pageAddress(Object.keys(entry.workers)[0]!),
  }));
}

/** "app/admin/(panel)/[kind]/[id]/page" → "/admin/posts/1". */
function pageAddress(worker: string): string {
  const fill: Record<string, string> = { kind: "posts", id: "1", slug: "about", token: "t".repeat(32), n: "2" };
  const address = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, (_, name: string) => fill[name] ?? "x"))
    .join("/");
  return address || "/";
}

export function callAction(
  client: APIRequestContext,
  action: Pick<BuiltAction, "id" | "page">,
  args: unknown[],
  headers: Record<string, string> = {},
) {
  return client.post(action.page, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

/**
 * Every row of every table except those the server's background work changes on its own:
 * the outbox (sent), the rate-limit counters (expired ones swept each minute), the
 * analytics counts (written every few seconds) and the instances' heartbeats (every 30 s).
 * Equal before and after means the requests changed nothing.
 */
export async function dumpDatabase(): Promise<string> {
  const skipped = "('outbox', 'rate_limits', 'analytics_daily', 'instances')";
  const tables = onPostgres()
    ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ${skipped} ORDER BY table_name`
    : `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT IN ${skipped} ORDER BY name`;
  return connected(async (db) => {
    const dump: [string, string[]][] = [];
    for (const { name } of await db.query<{ name: string }>(tables)) {
      // PostgreSQL has no rowid: the rows, each as JSON, in sorted order on both.
      const rows = (await db.query(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
      dump.push([name, rows]);
    }
    return JSON.stringify(dump);
  });
}
