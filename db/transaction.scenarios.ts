// The guarantees of write() (db/transaction.ts), as scenarios run on both databases:
// db/transaction.test.ts on SQLite, db/transaction-pg.test.ts on PostgreSQL.
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type * as client from "./client";
import type * as schema from "./schema";
import type * as transaction from "./transaction";

export type WriteModules = {
  write: typeof transaction.write;
  getDb: typeof client.getDb;
  openWrite: typeof client.openWrite;
  tags: typeof schema.tags;
};

/** Registers the scenarios; `load` answers the modules once the database is ready. */
export function writeScenarios(load: () => WriteModules) {
  const tagNamed = (name: string) => ({ name, slug: name.toLowerCase().replace(/\W+/g, "-") });
  const namesOf = async () => {
    const { getDb, tags } = load();
    return (await getDb().select({ name: tags.name }).from(tags)).map((row) => row.name).sort();
  };
  /** The tag names as a request outside any write sees them. */
  const namesOutside = (): Promise<string[]> => load().openWrite.exit(namesOf);

  it("commits what the function wrote, and answers what it returned", async () => {
    const { write, getDb, tags } = load();
    const id = await write(async (db) => {
      const [row] = await db.insert(tags).values(tagNamed("Kept")).returning({ id: tags.id });
      return row!.id;
    });
    expect(await getDb().select({ name: tags.name }).from(tags).where(eq(tags.id, id))).toEqual([{ name: "Kept" }]);
  });

  it("rolls everything back when the function throws after writing, and throws its error", async () => {
    const { write, tags } = load();
    const failing = write(async (db) => {
      await db.insert(tags).values(tagNamed("Lost one"));
      await db.insert(tags).values(tagNamed("Lost two"));
      throw new Error("changed my mind");
    });
    await expect(failing).rejects.toThrow("changed my mind");
    expect(await namesOf()).not.toContain("Lost one");
    expect(await namesOf()).not.toContain("Lost two");
  });

  it("joins the open write when called inside one, so an error undoes both", async () => {
    const { write, tags } = load();
    const failing = write(async (db) => {
      await db.insert(tags).values(tagNamed("Outer"));
      await write((inner) => inner.insert(tags).values(tagNamed("Inner")));
      throw new Error("undo both");
    });
    await expect(failing).rejects.toThrow("undo both");
    expect(await namesOf()).not.toContain("Outer");
    expect(await namesOf()).not.toContain("Inner");
  });

  it("gives getDb() the open transaction inside it, so a helper sees the rows written before it", async () => {
    const { write, getDb, tags } = load();
    const seen = await write(async (db) => {
      await db.insert(tags).values(tagNamed("Visible inside"));
      return (await getDb().select({ name: tags.name }).from(tags)).map((row) => row.name);
    });
    expect(seen).toContain("Visible inside");
  });

  it("runs writes one at a time even when their functions await: a read-then-write never loses an update", async () => {
    const { write, getDb, tags } = load();
    await write((db) => db.insert(tags).values({ ...tagNamed("Counter"), description: "0" }));
    const increment = () =>
      write(async (db) => {
        const [row] = await db.select({ n: tags.description }).from(tags).where(eq(tags.slug, "counter"));
        await new Promise((resolve) => setTimeout(resolve, 2)); // others get their turn to run meanwhile
        await db
          .update(tags)
          .set({ description: String(Number(row!.n) + 1) })
          .where(eq(tags.slug, "counter"));
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    const [row] = await getDb().select({ n: tags.description }).from(tags).where(eq(tags.slug, "counter"));
    expect(row!.n).toBe("20");
  });

  it("goes on after a failed write: the next one gets its turn", async () => {
    const { write, tags } = load();
    const results = await Promise.allSettled([
      write(() => {
        throw new Error("first fails");
      }),
      write((db) => db.insert(tags).values(tagNamed("After failure"))),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "fulfilled"]);
    expect(await namesOf()).toContain("After failure");
  });

  it("keeps an open write's rows from reads elsewhere until it commits", async () => {
    const { write, tags } = load();
    let seenMeanwhile: string[] = [];
    await write(async (db) => {
      await db.insert(tags).values(tagNamed("Not yet"));
      // Another request reading while this write is open (its own async context, outside it).
      seenMeanwhile = await new Promise<string[]>((resolve) => setImmediate(() => resolve(namesOutside())));
    });
    expect(seenMeanwhile).not.toContain("Not yet");
    expect(await namesOf()).toContain("Not yet");
  });
}
