import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { getSettings, SETTING_DEFAULTS } from "@/db/queries/settings";
import { auditLog, users } from "@/db/schema";
import { write } from "@/db/transaction";
import type { SessionUser } from "@/lib/session";
import { migratedDb, row } from "@/test/helpers";
import { updateDesignAction } from "./update-design";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));

// The design form as the page sends it; each test changes what it needs.
const COMPLETE = {
  accentColor: "#8b0000",
  accentColorDark: "#fbbf24",
  logoUrl: "",
  siteIconUrl: "",
  coverImageUrl: "",
  fontPairing: "modern",
  navigation: JSON.stringify([{ label: "Archive", url: "/archive" }]),
  footerNavigation: "[]",
  homeLayout: "cards",
  postsPerPage: "6",
};

const form = (fields: Record<string, string> = {}) => {
  const data = new FormData();
  for (const [key, value] of Object.entries({ ...COMPLETE, ...fields })) data.append(key, value);
  return data;
};

const as = (role: SessionUser["role"]) => ({ id: 1, name: "Sam", email: "sam@example.com", role });
const auditCount = async () => (await row(getDb().select({ n: count() }).from(auditLog)))!.n;

describe("saving the design", () => {
  beforeEach(() => {
    migratedDb();
    session.user = null;
  });

  it("refuses an editor and changes nothing", async () => {
    session.user = as("editor");
    const result = await updateDesignAction(null, form());
    expect(result).toMatchObject({ ok: false, error: "You do not have permission to do that." });
    expect((await getSettings()).accentColor).toBe(SETTING_DEFAULTS.accentColor);
  });

  it("refuses an accent below 4.5:1 with the ratio on the field, and saves nothing of the form", async () => {
    session.user = as("admin");
    const result = await updateDesignAction(null, form({ accentColor: "#7f7f7f" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        accentColor: [expect.stringMatching(/light background is 4\.00:1; links need at least 4\.5:1/)],
      },
    });
    expect(await getSettings()).toMatchObject({ accentColor: SETTING_DEFAULTS.accentColor, homeLayout: "list" });
    expect(await auditCount()).toBe(0);
  });

  it("saves every choice for the owner, with one audit entry naming the keys", async () => {
    session.user = as("owner");
    await write((db) =>
      db
        .insert(users)
        .values({ id: 1, email: "sam@example.com", name: "Sam", slug: "sam", role: "owner", passwordHash: "h" }),
    );
    const result = await updateDesignAction(null, form());
    expect(result).toMatchObject({ ok: true });
    expect(await getSettings()).toMatchObject({
      accentColor: "#8b0000",
      accentColorDark: "#fbbf24",
      fontPairing: "modern",
      navigation: [{ label: "Archive", url: "/archive" }],
      footerNavigation: [],
      homeLayout: "cards",
      postsPerPage: 6,
    });
    const audit = await getDb().select({ action: auditLog.action, details: auditLog.details }).from(auditLog);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("settings.update");
    expect(audit[0]!.details?.keys).toEqual(Object.keys(COMPLETE));
  });
});
