import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { saveSettings } from "@/db/queries/settings";
import { importJobs } from "@/db/schema";
import { write } from "@/db/transaction";
import type { SessionUser } from "@/lib/session";
import { PEOPLE, row, seedSite } from "@/test/admin-fixture";
import { handleImportUpload } from "./upload";

const state = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => state.user }));

const SITE = "http://blog.example";
const MB = 1024 * 1024;
const jobs = async () => (await row(getDb().select({ n: count() }).from(importJobs)))!.n;

function upload(body: BodyInit, headers: Record<string, string> = {}, name = "old.xml") {
  return handleImportUpload(
    new Request(`${SITE}/api/import-export/upload?name=${name}`, {
      method: "POST",
      headers: { origin: SITE, host: "blog.example", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

/** A body sent in chunks with no declared length, as a client that lies or streams would. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      sent += 64 * 1024;
    },
  });
}

describe("uploading a file to import", () => {
  beforeEach(async () => {
    await seedSite();
    await write((db) => saveSettings(db, { importMaxMegabytes: 1 }));
    state.user = { ...PEOPLE.owner } as SessionUser;
  });

  it("refuses a declared length past the setting before reading the body", async () => {
    const response = await upload("<rss/>", { "content-length": String(2 * MB) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe(
      "The file is too large: imports may be at most 1 MB (Settings → Import / Export).",
    );
    expect(await jobs()).toBe(0);
  });

  it("counts an undeclared body as it comes and stops past the setting", async () => {
    const response = await upload(chunked(2 * MB));
    expect(response.status).toBe(413);
    expect(await jobs()).toBe(0);
  });

  it("refuses a file that is not .xml, .json or .zip, and one no importer reads", async () => {
    expect((await upload("hello", {}, "notes.txt")).status).toBe(400);
    const unreadable = await upload("just some text");
    expect(unreadable.status).toBe(400);
    expect((await unreadable.json()).error).toMatch(/^This file cannot be imported: /);
    expect(await jobs()).toBe(0);
  });

  it("refuses an editor", async () => {
    state.user = { ...PEOPLE.editor } as SessionUser;
    expect((await upload("<rss/>")).status).toBe(403);
  });
});
