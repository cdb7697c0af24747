// The streaming zip writer, read back by yauzl (the reader the importer uses).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "@/test/temp-dir";
import { TextSink } from "./sink";
import { readZip } from "./read-zip";
import { ZipWriter } from "./zip";

describe("ZipWriter", () => {
  test("text, a streamed document and a file from disk come back byte for byte", async () => {
    const dir = tempDir("quire-zip-");
    const source = path.join(dir, "picture.bin");
    fs.writeFileSync(source, Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256)));
    const file = path.join(dir, "out.zip");
    const zip = new ZipWriter(file, new Date("2026-05-04T03:02:01Z"));
    const sink = new TextSink(zip.addStream("document.json"));
    for (let i = 0; i < 20_000; i++) sink.write(`{"n":${i},"text":"ünïcödé ${"x".repeat(i % 50)}"}\n`);
    await sink.end();
    zip.addText("content/posts/héllo.md", "---\ntitle: Héllo\n---\n\nBody 日本語.\n");
    zip.addText("empty.md", "");
    zip.addFile("static/media/picture.bin", source);
    await zip.finish();

    const entries = await readZip(file);
    expect([...entries.keys()]).toEqual([
      "document.json",
      "content/posts/héllo.md",
      "empty.md",
      "static/media/picture.bin",
    ]);
    const lines = entries.get("document.json")!.toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(20_000);
    expect(JSON.parse(lines[19_999]!)).toEqual({ n: 19_999, text: `ünïcödé ${"x".repeat(49)}` });
    expect(entries.get("content/posts/héllo.md")!.toString("utf8")).toBe("---\ntitle: Héllo\n---\n\nBody 日本語.\n");
    expect(entries.get("empty.md")!.length).toBe(0);
    expect(entries.get("static/media/picture.bin")!.equals(fs.readFileSync(source))).toBe(true);
  });

  test("past 65,535 entries it writes the ZIP64 end records, and every entry is found", async () => {
    const file = path.join(tempDir("quire-zip64-"), "many.zip");
    const zip = new ZipWriter(file);
    for (let i = 0; i < 70_000; i++) {
      zip.addText(`content/posts/post-${i}.md`, `post ${i}\n`);
      if (i % 1000 === 0) await zip.settle();
    }
    await zip.finish();
    // Every name from the central directory; the bytes of the first and last entries.
    const ends = new Set(["content/posts/post-0.md", "content/posts/post-69999.md"]);
    const entries = await readZip(file, (name) => ends.has(name));
    expect(entries.size).toBe(70_000);
    expect(entries.has("content/posts/post-35000.md")).toBe(true);
    expect(entries.get("content/posts/post-0.md")!.toString()).toBe("post 0\n");
    expect(entries.get("content/posts/post-69999.md")!.toString()).toBe("post 69999\n");
  }, 60_000);

  test("a stream whose output cannot be written fails the writer instead of hanging", async () => {
    const dir = tempDir("quire-zip-fail-");
    const file = path.join(dir, "out.zip");
    fs.writeFileSync(file, "taken");
    const zip = new ZipWriter(file); // "wx": the file exists, so the output stream fails
    const sink = new TextSink(zip.addStream("document.json"));
    const writing = (async () => {
      for (let i = 0; i < 10_000; i++) {
        sink.write("x".repeat(1000));
        if (sink.full) await sink.settle();
      }
      await sink.end();
    })();
    await expect(writing).rejects.toThrow();
    await expect(zip.finish()).rejects.toThrow(/EEXIST/);
  });
});
