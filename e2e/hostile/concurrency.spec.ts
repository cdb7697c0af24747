// Issue 6, point 9: the site under comment load from several clients while the CLI takes
// backups and two editors keep saving the same post. No client may see SQLITE_BUSY or a
// 500; every acknowledged write is kept; a clash between the editors is a 409 conflict,
// never a silently lost update. When the journeys run on PostgreSQL (QUIRE_E2E_DATABASE_URL)
// the site is a PostgreSQL database of its own, and its backups are pg_dump's.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures/test";
import { onPostgres } from "../fixtures/db";
import {
  QuireServer,
  dropSiteDatabase,
  extraPort,
  integrityCheck,
  makeSite,
  quireCli,
  siteDb,
  tempDir,
} from "./own-server";
import { commentFormFields, postComment, readPostVersion, savePost } from "./write-clients";

test("comment load, two editors on one post and CLI backups at once: no busy errors, no lost updates", async () => {
  test.setTimeout(180_000);
  const postgres = onPostgres();
  const site = await makeSite(3, "quire-concurrency-", { postgres });
  const server = new QuireServer(site.dataDir, extraPort(2), site.env);
  await server.start();
  const fields = await commentFormFields(server.url, site.posts[0]!.slug);
  const contested = site.posts[2]!;

  let loadRunning = true;
  const acked: string[] = [];
  const failures: string[] = [];
  let n = 0;
  async function commenter(client: number) {
    while (loadRunning) {
      const body = `Under load ${client}-${n++}: the backup must not lock me out.`;
      const result = await postComment(server.url, site.posts[n % 2]!, fields, {
        name: `Loader ${client}`,
        email: `loader-${client}@example.com`,
        body,
      });
      if (result.outcome === "acknowledged") acked.push(body);
      else failures.push(`comment: ${result.outcome} ${result.status ?? ""} ${result.detail ?? ""}`);
    }
  }

  const saved: string[] = [];
  let conflicts = 0;
  async function editor(name: string, saves: number) {
    for (let i = 0; i < saves; i++) {
      const version = await readPostVersion(server.url, site.adminKey, contested.id);
      if (!version) {
        failures.push(`${name} could not read the post`);
        continue;
      }
      const markdown = `${name}'s save ${i}.`;
      const result = await savePost(server.url, site.adminKey, contested.id, version, markdown);
      if (result.outcome === "acknowledged") saved.push(markdown);
      else if (result.outcome === "conflict") conflicts++;
      else failures.push(`${name}: ${result.outcome} ${"status" in result ? result.status : ""} ${result.detail}`);
    }
  }

  const backupsDir = tempDir("quire-concurrency-backups-");
  const backups: { code: number | null; stderr: string }[] = [];
  const backupCount = 3;
  async function operator() {
    for (let i = 0; i < backupCount; i++)
      backups.push(await quireCli(site.dataDir, ["backup", path.join(backupsDir, `b${i}`)], site.env));
  }

  try {
    const load = Array.from({ length: 6 }, (_, client) => commenter(client));
    await Promise.all([operator(), editor("Ada", 40), editor("Grace", 40)]);
    loadRunning = false;
    await Promise.all(load);

    console.log(
      `[concurrency] ${acked.length} comments, ${saved.length} saves acknowledged, ${conflicts} conflicts (409), ${backups.length} backups`,
    );
    expect(failures).toEqual([]);
    expect(backups.map((b) => [b.code, b.stderr.match(/error|busy|locked/gi) ?? []])).toEqual(
      Array.from({ length: backupCount }, () => [0, []]),
    );
    for (let i = 0; i < backupCount; i++)
      expect(fs.existsSync(path.join(backupsDir, `b${i}`, "manifest.json"))).toBe(true);
    expect(acked.length).toBeGreaterThan(50);
    expect(saved.length + conflicts).toBe(80);
    expect(saved.length).toBeGreaterThan(0);
    expect(conflicts).toBeGreaterThan(0); // the editors did collide, and were told so

    await siteDb(site, async (db) => {
      const stored = new Set(
        (await db.query<{ markdown: string }>("SELECT markdown FROM comments")).map((c) => c.markdown),
      );
      expect(acked.filter((body) => !stored.has(body))).toEqual([]);
      // Exactly the acknowledged saves are in the post's history, in version order, and the
      // post is the newest of them: nothing refused slipped in, nothing acknowledged was lost.
      const history = await db.query<{ version: number; markdown: string }>(
        "SELECT version, markdown FROM revisions WHERE post_id = ? AND kind = 'save' ORDER BY version",
        contested.id,
      );
      expect(history.map((h) => h.markdown).sort()).toEqual([...saved].sort());
      expect(history.map((h) => h.version)).toEqual(history.map((_, i) => i + 2));
      const post = await db.query("SELECT version, markdown FROM posts WHERE id = ?", contested.id);
      expect(post).toEqual([{ version: saved.length + 1, markdown: history.at(-1)!.markdown }]);
    });
    expect(await integrityCheck(site)).toBe("ok");
    expect(server.problems).toEqual([]);
  } finally {
    await server.stop();
    await dropSiteDatabase(site);
  }
});
