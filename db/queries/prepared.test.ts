// Prepared statements on PostgreSQL are named on each pooled connection. Next.js bundles a
// module more than once (pages, route handlers), so two copies of prepared.ts prepare
// different queries on the same pool: their names must not collide. (SQLite prepares on the
// connection without names: nothing to collide there.)
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { databaseKind } from "@/db/kind";
import { settings, tags } from "@/db/schema";
import { write } from "@/db/transaction";
import { migratedDb } from "@/test/helpers";

describe.runIf(databaseKind() === "postgres")("prepared statements on PostgreSQL", () => {
  it("two copies of the module prepare different queries on one pool, each answering its own", async () => {
    migratedDb();
    await write((db) => db.insert(tags).values({ name: "Alpha", slug: "alpha" }));
    await write((db) => db.insert(settings).values({ key: "title", value: "A title" }));
    const first = await import("./prepared");
    vi.resetModules();
    const second = await import("./prepared");
    expect(second).not.toBe(first);

    const tagBySlug = first.prepared((db) => db.select({ name: tags.name }).from(tags).where(eq(tags.slug, "alpha")));
    const setting = second.prepared((db) =>
      db.select({ value: settings.value }).from(settings).where(eq(settings.key, "title")),
    );
    // The pool has at most a few connections: each query meets the other's on one of them.
    for (let i = 0; i < 5; i++) {
      expect(await tagBySlug().get()).toEqual({ name: "Alpha" });
      expect(await setting().get()).toEqual({ value: "A title" });
    }
  });
});
