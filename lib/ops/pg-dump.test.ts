// Backup and restore on PostgreSQL (lib/ops/pg-dump.ts) against the local server, each
// database made here and dropped afterwards. Skipped, saying so, when no server answers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPgMigrations } from "../../db/pg/migrate";
import {
  connectTo,
  createTestDatabase,
  dropTestDatabase,
  urlOf,
  POSTGRES_MISSING,
  postgresAnswers,
} from "../../test/postgres";
import { pgDump, pgRestore, PgToolError } from "./pg-dump";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("backup and restore on PostgreSQL", () => {
  const databases: string[] = [];
  const clients: pg.Client[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "quire-pg-dump-"));

  async function site(): Promise<{ name: string; db: pg.Client }> {
    const name = await createTestDatabase("quire_dump");
    databases.push(name);
    const db = await connectTo(name);
    clients.push(db);
    await runPgMigrations(db);
    return { name, db };
  }
  const titles = async (db: pg.Client) =>
    (await db.query<{ title: string }>("SELECT title FROM posts ORDER BY id")).rows.map((row) => row.title);
  const addPost = async (db: pg.Client, title: string) => {
    const author = await db.query<{ id: number }>(
      `INSERT INTO users (email, name, slug, role, password_hash) VALUES ($1, 'Ada', $2, 'owner', 'x')
       ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id`,
      ["ada@example.com", "ada"],
    );
    await db.query("INSERT INTO posts (title, slug, plaintext, author_id) VALUES ($1, $2, $3, $4)", [
      title,
      title.toLowerCase().replace(/\W+/g, "-"),
      `${title} body`,
      author.rows[0]!.id,
    ]);
  };

  let source: { name: string; db: pg.Client };
  const dump = path.join(folder, "site.pgdump");

  beforeAll(async () => {
    source = await site();
    await addPost(source.db, "First light");
    await addPost(source.db, "Second tide");
    await pgDump(urlOf(source.name), dump);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    for (const name of databases) await dropTestDatabase(name);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("restores a dump into another database: the same posts, and search still finds them", async () => {
    const target = await site();
    await addPost(target.db, "Written on the target");

    await pgRestore(urlOf(target.name), dump);

    expect(await titles(target.db)).toEqual(["First light", "Second tide"]);
    const found = await target.db.query("SELECT title FROM posts WHERE search @@ to_tsquery('english', 'tide')");
    expect(found.rows).toEqual([{ title: "Second tide" }]);
  });

  it("tells the running instances that everything changed", async () => {
    const target = await site();
    const listener = await connectTo(target.name);
    clients.push(listener);
    const heard = new Promise((resolve) => listener.once("notification", resolve));
    await listener.query("LISTEN quire_changed");

    await pgRestore(urlOf(target.name), dump);

    await expect(heard).resolves.toMatchObject({ channel: "quire_changed" });
  });

  it("a dump that cannot be read leaves the database as it was", async () => {
    const target = await site();
    await addPost(target.db, "Still here");
    const broken = path.join(folder, "broken.pgdump");
    fs.writeFileSync(broken, fs.readFileSync(dump).subarray(0, 200));

    await expect(pgRestore(urlOf(target.name), broken)).rejects.toThrow(PgToolError);

    expect(await titles(target.db)).toEqual(["Still here"]);
  });

  it("gives the tool the password in its environment, never on its command line (ps shows that to everyone)", async () => {
    const tool = path.join(folder, "fake-pg_dump");
    const seen = path.join(folder, "seen");
    fs.writeFileSync(tool, `#!/bin/sh\nprintf '%s\\n' "$*" "$PGPASSWORD" > '${seen}'\n`, { mode: 0o755 });
    await pgDump("postgres://ada:s%40cret@127.0.0.1:5432/site", path.join(folder, "unused"), { tool });
    const [args, password] = fs.readFileSync(seen, "utf8").split("\n");
    expect(args).toContain("--dbname postgres://ada@127.0.0.1:5432/site");
    expect(args).not.toContain("cret");
    expect(password).toBe("s@cret");
  });

  it("says which package to install when the tool is missing", async () => {
    await expect(pgDump(urlOf(source.name), dump, { tool: "/nonexistent/pg_dump" })).rejects.toThrow(
      /postgresql-client/,
    );
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: backup and restore on PostgreSQL not tried`, () => {});
