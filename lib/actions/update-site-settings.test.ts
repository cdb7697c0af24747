import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { getSettings, SETTING_DEFAULTS } from "@/db/queries/settings";
import { auditLog, users } from "@/db/schema";
import { write } from "@/db/transaction";
import type { SessionUser } from "@/lib/session";
import { migratedDb } from "@/test/helpers";
import { updateSiteSettingsAction } from "./update-site-settings";

// The session is the one thing a test process cannot have: Auth.js reads it from a request.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));

// A whole settings form, as the page sends it; each test changes what it needs.
const COMPLETE = {
  title: "Quire",
  description: "",
  logoUrl: "",
  navigation: "Home | /",
  timezone: "UTC",
  postsPerPage: "10",
  commentPolicy: "hold_first_time",
  commentLinkLimit: "2",
  commentCloseAfterDays: "0",
};

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries({ ...COMPLETE, ...fields })) data.append(key, value);
  return data;
};

const as = (role: SessionUser["role"]) => ({ id: 1, name: "Sam", email: "sam@example.com", role });

describe("the mutation wrapper, through the site settings action", () => {
  beforeEach(() => {
    migratedDb();
    session.user = null;
  });

  it("refuses an anonymous caller and changes nothing", async () => {
    const result = await updateSiteSettingsAction(null, form({ title: "Hijacked", description: "" }));
    expect(result).toEqual({ ok: false, error: "Please sign in to continue." });
    expect((await getSettings()).title).toBe(SETTING_DEFAULTS.title);
  });

  it("refuses a role below admin and changes nothing", async () => {
    session.user = as("editor");
    const result = await updateSiteSettingsAction(null, form({ title: "Editor's title", description: "" }));
    expect(result).toMatchObject({ ok: false, error: "You do not have permission to do that." });
    expect((await getSettings()).title).toBe(SETTING_DEFAULTS.title);
  });

  it("returns field errors and the typed values for bad input", async () => {
    session.user = as("admin");
    const result = await updateSiteSettingsAction(null, form({ title: "  ", description: "kept" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { title: ["Enter a site title."] },
      values: expect.objectContaining({ title: "  ", description: "kept" }),
    });
    expect((await getSettings()).title).toBe(SETTING_DEFAULTS.title);
  });

  it("saves for an admin and records who did it", async () => {
    session.user = as("owner");
    await write((db) =>
      db
        .insert(users)
        .values({ id: 1, email: "sam@example.com", name: "Sam", slug: "sam", role: "owner", passwordHash: "h" }),
    );
    const result = await updateSiteSettingsAction(null, form({ title: "Field Notes", description: "Short essays" }));
    expect(result).toEqual({ ok: true, message: "Settings saved." });
    expect(await getSettings()).toMatchObject({ title: "Field Notes", description: "Short essays" });
    const audit = await getDb().select({ actorLabel: auditLog.actorLabel, action: auditLog.action }).from(auditLog);
    expect(audit).toEqual([{ actorLabel: "Sam", action: "settings.update" }]);
  });
});
