import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { getDb, openWrite } from "./client";
import { openDatabase } from "./connection";
import { tags } from "./schema";
import { write } from "./transaction";

const tagNamed = (name: string) => ({ name, slug: name.toLowerCase().replace(/\W+/g, "-") });
const namesOf = async () => (await getDb().select({ name: tags.name }).from(tags)).map((row) => row.name).sort();

describe("write", () => {
  beforeAll(() => migratedDb());

  it("commits what the function wrote, and answers what it returned", async () => {
    const id = await write(async (db) => {
      const [row] = await db.insert(tags).values(tagNamed("Kept")).returning({ id: tags.id });
      return row!.id;
    });
    expect(await getDb().select({ name: tags.name }).from(tags).where(eq(tags.id, id))).toEqual([{ name: "Kept" }]);
  });

  it("rolls everything back when the function throws after writing, and throws its error", async () => {
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
    const seen = await write(async (db) => {
      await db.insert(tags).values(tagNamed("Visible inside"));
      return (await getDb().select({ name: tags.name }).from(tags)).map((row) => row.name);
    });
    expect(seen).toContain("Visible inside");
  });

  it("runs writes one at a time even when their functions await: a read-then-write never loses an update", async () => {
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

  it("writes through another connection when given one, in its turn: never waiting on the writer's lock", async () => {
    const other = openDatabase(migratedDb().$client.name);
    other.$client.pragma("busy_timeout = 100"); // waiting on the lock would fail fast, not stall
    const first = write(async (db) => {
      await db.insert(tags).values(tagNamed("Writer first"));
      await new Promise((resolve) => setTimeout(resolve, 20)); // the writer holds the lock meanwhile
    });
    const second = write((db) => db.insert(tags).values(tagNamed("Through another")), other);
    await Promise.all([first, second]);
    expect(await namesOf()).toEqual(expect.arrayContaining(["Writer first", "Through another"]));
    other.$client.close();
  });

  it("goes on after a failed write: the next one gets its turn", async () => {
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
    let seenMeanwhile: string[] = [];
    await write(async (db) => {
      await db.insert(tags).values(tagNamed("Not yet"));
      // Another request reading while this write is open (its own async context, outside it).
      seenMeanwhile = await new Promise<string[]>((resolve) => setImmediate(() => resolve(namesOutside())));
    });
    expect(seenMeanwhile).not.toContain("Not yet");
    expect(await namesOf()).toContain("Not yet");
  });

  it("refuses a write made outside write(), so none can slip into another request's transaction", async () => {
    await expect(getDb().insert(tags).values(tagNamed("Stray"))).rejects.toThrow(/readonly/);
    expect(await namesOf()).not.toContain("Stray");
  });
});

/** The tag names as a request outside any write sees them. */
function namesOutside(): Promise<string[]> {
  return openWrite.exit(namesOf);
}
