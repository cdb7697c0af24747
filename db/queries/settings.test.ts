// getSettings() keeps what it read while the server's change number stays the same
// (bin/server.mjs gives it; the page cache watches the same number).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { write } from "@/db/transaction";
import { execute, migratedDb } from "@/test/helpers";
import { getSettings, updateSettings } from "./settings";

const server = globalThis as unknown as { quireServer?: { changeVersion?: () => number } };
let version = 1;

// A settings row written behind the app's back, as another instance or the CLI would.
const writeTitleElsewhere = (title: string) =>
  execute(sql`update settings set value = ${JSON.stringify(title)} where key = 'title'`);

describe("getSettings", () => {
  beforeAll(async () => {
    migratedDb();
    await write((db) =>
      db
        .insert(users)
        .values({ id: 1, email: "ada@example.com", name: "Ada", slug: "ada", role: "owner", passwordHash: "h" }),
    );
    await updateSettings({ title: "First title" }, { id: 1, name: "Ada" });
  });
  afterEach(() => {
    delete server.quireServer;
  });

  it("reads the database on every call when no server gives a change number", async () => {
    expect((await getSettings()).title).toBe("First title");
    await writeTitleElsewhere("Second title");
    expect((await getSettings()).title).toBe("Second title");
  });

  it("answers what it read while the number stays, and reads again once it moves", async () => {
    server.quireServer = { changeVersion: () => version };
    await writeTitleElsewhere("Kept title");
    expect((await getSettings()).title).toBe("Kept title");
    await writeTitleElsewhere("Newer title");
    // Nothing told this process of the commit: the kept settings are answered.
    expect((await getSettings()).title).toBe("Kept title");
    version++; // what a commit's notification (or SQLite's data_version) does
    expect((await getSettings()).title).toBe("Newer title");
  });

  it("reads this process's own save at once, before the number moves", async () => {
    server.quireServer = { changeVersion: () => version };
    expect((await getSettings()).title).toBe("Newer title");
    await updateSettings({ title: "Saved here" }, { id: 1, name: "Ada" });
    expect((await getSettings()).title).toBe("Saved here");
  });

  it("hands out a copy: a caller changing it changes nothing for the next", async () => {
    server.quireServer = { changeVersion: () => version };
    const settings = await getSettings();
    settings.title = "Changed by a caller";
    expect((await getSettings()).title).toBe("Saved here");
  });
});
