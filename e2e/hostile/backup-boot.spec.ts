// Issue 6, point 10: `quire backup` while the site takes comments, `quire restore` into
// a fresh data folder, then the built app BOOTED on the restore and compared with the
// source through HTTP: the same posts, the comments there were at backup time, the
// uploaded image byte for byte.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures/test";
import { pngBytes } from "../fixtures/admin";
import { QuireServer, extraPort, makeSite, quireCli, readDb, tempDir } from "./own-server";
import { adminToken, commentFormFields, postComment } from "./write-clients";

const commentCount = async (url: string, slug: string) => {
  const html = await (await fetch(`${url}/${slug}`)).text();
  return Number(/<h2[^>]*>(\d+) Comments?<\/h2>/.exec(html)?.[1] ?? NaN);
};
const contentPosts = async (url: string, key: string) => {
  const response = await fetch(
    `${url}/ghost/api/content/posts/?key=${key}&limit=all&fields=id,title,slug,html,published_at&order=id%20asc`,
  );
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return (JSON.parse(text) as { posts: unknown[] }).posts;
};

test("a backup taken under write load restores into a fresh folder and the app boots on it with the same content", async () => {
  test.setTimeout(180_000);
  const site = await makeSite(4, "quire-backup-source-");
  const [loaded, ...quiet] = site.posts;
  const source = new QuireServer(site.dataDir, extraPort(3));
  const restoredDir = tempDir("quire-backup-restored-");
  const restored = new QuireServer(restoredDir, extraPort(4));
  await source.start();
  try {
    // An upload through the Admin API (resized and stored like any editor upload).
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await pngBytes(900, 500))], { type: "image/png" }), "photo.png");
    form.append("ref", "photo.png");
    const upload = await fetch(`${source.url}/ghost/api/admin/images/upload/`, {
      method: "POST",
      headers: { Authorization: `Ghost ${adminToken(site.adminKey)}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const imagePath = new URL(((await upload.json()) as { images: { url: string }[] }).images[0]!.url).pathname;
    const image = Buffer.from(await (await fetch(`${source.url}${imagePath}`)).arrayBuffer());
    expect(image.length).toBeGreaterThan(100);

    // Quiet posts get a few comments before the backup and none after.
    const fields = await commentFormFields(source.url, loaded!.slug);
    for (const [i, post] of quiet.entries()) {
      for (let c = 0; c <= i; c++) {
        const result = await postComment(source.url, post, fields, {
          name: "Quiet",
          email: "quiet@example.com",
          body: `Quiet comment ${c} on ${post.slug}.`,
        });
        expect(result.outcome).toBe("acknowledged");
      }
    }

    // The loaded post takes comments from three clients all through the backup.
    let running = true;
    let n = 0;
    const load = Array.from({ length: 3 }, async (_, client) => {
      while (running) {
        const result = await postComment(source.url, loaded!, fields, {
          name: `Writer ${client}`,
          email: `writer-${client}@example.com`,
          body: `Written during the backup ${n++}.`,
        });
        expect(result.outcome).toBe("acknowledged");
      }
    });
    const countLoaded = () =>
      readDb(
        site.dataDir,
        (db) => db.prepare("SELECT count(*) FROM comments WHERE post_id = ?").pluck().get(loaded!.id) as number,
      );
    while (countLoaded() < 20) await new Promise((resolve) => setTimeout(resolve, 50));
    const before = countLoaded();
    const backupPath = path.join(tempDir("quire-backup-"), "under-load");
    const backup = await quireCli(site.dataDir, ["backup", backupPath]);
    const after = countLoaded();
    running = false;
    await Promise.all(load);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Backup written to ${backupPath}`);
    expect(backup.stderr).toMatch(/database/); // the progress lines

    const restore = await quireCli(restoredDir, ["restore", backupPath]);
    expect(restore.code, restore.stderr).toBe(0);
    await restored.start();

    // Posts: identical through the Content API (with the same key, restored with the database).
    expect(await contentPosts(restored.url, site.contentKey)).toEqual(await contentPosts(source.url, site.contentKey));
    // Comments: the quiet posts show the same counts; the loaded one what it had at the
    // backup's moment, between the counts read just before and just after it.
    for (const [i, post] of quiet.entries()) {
      expect(await commentCount(restored.url, post.slug)).toBe(i + 1);
      expect(await commentCount(source.url, post.slug)).toBe(i + 1);
    }
    const restoredLoaded = await commentCount(restored.url, loaded!.slug);
    expect(restoredLoaded).toBeGreaterThanOrEqual(before);
    expect(restoredLoaded).toBeLessThanOrEqual(after);
    // …and each restored comment is the source's, unchanged: a consistent snapshot.
    const rows = (dir: string) =>
      readDb(dir, (db) => db.prepare("SELECT id, post_id, markdown, html, status FROM comments ORDER BY id").all());
    const sourceRows = rows(site.dataDir);
    const restoredRows = rows(restoredDir);
    expect(restoredRows).toEqual(sourceRows.slice(0, restoredRows.length));
    // The upload: served byte for byte by the restored app.
    const served = await fetch(`${restored.url}${imagePath}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true);
    expect(fs.existsSync(path.join(restoredDir, "media"))).toBe(true);
    console.log(
      `[backup-boot] ${before}…${after} comments on the loaded post around the backup; ${restoredLoaded} restored`,
    );
    expect([...source.problems, ...restored.problems]).toEqual([]);
  } finally {
    await Promise.all([source.stop(), restored.stop()]);
  }
});
