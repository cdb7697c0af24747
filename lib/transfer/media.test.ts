// --media DIR: files the export points at go through the upload pipeline; links are rewritten.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { mediaRoot } from "../media/storage";
import { dump, rows, siteWithOwner, tempDir, writeTemp, wxr, wxrItem } from "./test-support";
import { importFile } from "./write";

const PHOTO = "https://old.example/wp-content/uploads/2019/05/photo.png";

async function uploadsFolder(): Promise<string> {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "2019", "05"), { recursive: true });
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#c33" } })
    .png()
    .toBuffer();
  fs.writeFileSync(path.join(dir, "2019", "05", "photo.png"), png);
  fs.writeFileSync(path.join(dir, "2019", "05", "notes.pdf"), "%PDF-1.4 not an image");
  return dir;
}

const file = () =>
  writeTemp(
    "media.xml",
    wxr(
      wxrItem(
        {
          "content:encoded": `<p>Look: <img src="${PHOTO}" alt="Red"> and <a href="https://old.example/wp-content/uploads/2019/05/notes.pdf">notes</a>.</p>`,
        },
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>7</wp:meta_value></wp:postmeta>",
      ) +
        wxrItem({ "wp:post_id": "7", "wp:post_type": "attachment", "wp:status": "inherit", title: "photo" }).replace(
          "</item>",
          `<wp:attachment_url>${PHOTO}</wp:attachment_url></item>`,
        ),
    ),
  );

test("referenced files are stored with variants, links and the feature image point at them", async () => {
  await siteWithOwner();
  const input = file();
  const report = await importFile(input, { mediaDir: await uploadsFolder() });
  const stored = await rows<{ storage_key: string; mime_type: string; width: number; variants: string }>(
    "SELECT storage_key, mime_type, width, variants FROM media",
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ mime_type: "image/png", width: 900 });
  expect(JSON.parse(stored[0]!.variants).length).toBeGreaterThan(0);
  expect(fs.existsSync(path.join(mediaRoot(), stored[0]!.storage_key))).toBe(true);
  const post = (await rows<{ html: string; feature_image: string }>("SELECT html, feature_image FROM posts"))[0]!;
  expect(post.feature_image).toBe(`/media/${stored[0]!.storage_key}`);
  expect(post.html).toContain(`src="/media/${stored[0]!.storage_key}"`);
  // The PDF is no image: its link stays, and the report says so.
  expect(post.html).toContain('href="https://old.example/wp-content/uploads/2019/05/notes.pdf"');
  expect(report.notes.some((n) => /notes\.pdf/.test(n.item) && /not an image/.test(n.note))).toBe(true);
  expect(report.created["media file"]).toBe(1);
  expect(report.rewrittenLinks).toBeGreaterThanOrEqual(1);
  expect(report.remoteMedia).not.toContain(PHOTO);
  expect(report.mediaKeptRemote).toBe(0);

  const again = await importFile(input, { mediaDir: await uploadsFolder() });
  expect(again.created).toEqual({});
  expect(await rows("SELECT id FROM media")).toHaveLength(1);
});

test("a failed import removes the files it stored", async () => {
  await siteWithOwner();
  const before = await dump();
  const countFiles = () =>
    fs.existsSync(mediaRoot())
      ? fs.readdirSync(mediaRoot(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
      : 0;
  const filesBefore = countFiles();
  await expect(
    importFile(file(), {
      mediaDir: await uploadsFolder(),
      beforeWrite: () => {
        throw new Error("simulated failure");
      },
    }),
  ).rejects.toThrow(/simulated failure/);
  expect(await dump()).toBe(before);
  expect(countFiles()).toBe(filesBefore);
});
