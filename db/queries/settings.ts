import "server-only";
import type { Db } from "../client";
import { inArray } from "drizzle-orm";
import { settings } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import { prepared } from "./prepared";

// Every setting with its default; a missing row means the default applies.
export const SETTING_DEFAULTS = {
  title: "Quire",
  description: "A new site, published with Quire.",
  timezone: "UTC",
  postsPerPage: 10,
  // Reader site: header links, logo, and whether feeds carry whole posts (edited in the admin).
  navigation: [
    { label: "Home", url: "/" },
    { label: "About", url: "/about" },
  ] as { label: string; url: string }[],
  logoUrl: null as string | null,
  // Admin → Design: the reader site's look ("" or null: none / the shipped default).
  footerNavigation: [] as { label: string; url: string }[],
  siteIconUrl: null as string | null,
  coverImageUrl: null as string | null,
  accentColor: "#1d4ed8", // links in the light scheme (globals.css --color-accent)
  accentColorDark: "#93c5fd", // links in the dark scheme
  fontPairing: "system" as string, // lib/utils/font-pairings.ts
  homeLayout: "list" as "list" | "cards",
  feedFullContent: true,
  // Comments: policy, limits and word lists; edited on the settings page.
  commentPolicy: "hold_first_time" as "hold_all" | "hold_first_time" | "publish",
  commentLinkLimit: 2,
  commentCloseAfterDays: 0, // 0 = never
  commentMinLength: 2,
  commentMaxLength: 10000,
  bannedWords: [] as string[],
  bannedEmails: [] as string[],
  // Webhooks to private, loopback or link-local addresses (a local receiver, tests): off unless allowed.
  webhooksAllowPrivate: false,
  // Admin → Settings → Import / Export: the largest file that may be uploaded, in MB.
  importMaxMegabytes: 200,
  // Admin → Settings → Analytics: count reader page views (no cookies), and for how many days.
  analyticsEnabled: true,
  analyticsRetentionDays: 730,
};

export type SiteSettings = typeof SETTING_DEFAULTS;
export type SettingKey = keyof SiteSettings;

// Read on every reader page: prepared once (db/queries/prepared.ts).
const storedSettings = prepared((db) =>
  db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, Object.keys(SETTING_DEFAULTS))),
);

// Read by every comment POST and admin request, and seldom changed: each process keeps the last
// read while nothing has committed since. The server (bin/server.mjs) gives the number its page
// cache watches, which changes with any commit that could change a setting (SQLite's
// data_version; on PostgreSQL the notification the settings table's trigger sends), here or
// anywhere else. On PostgreSQL that saves a round trip per request. Without the server (tests,
// the CLI) there is no such number, and every call reads.
type KeptSettings = { version: number; settings: SiteSettings };
const shared = globalThis as unknown as {
  quireServer?: { changeVersion?: () => number };
  quireSettings?: KeptSettings | null; // on globalThis: Next bundles this module more than once
};

// Outside transactions only: no transaction reads settings (the optional `db` argument this
// used to take was never passed). One that comes to need them should wrap the same prepared
// query in a named synchronous reader rather than copy the query.
export async function getSettings(): Promise<SiteSettings> {
  // Taken before the read: a commit during the read changes it, so that read is not reused.
  const version = shared.quireServer?.changeVersion?.();
  const kept = shared.quireSettings;
  if (version !== undefined && kept?.version === version) return { ...kept.settings };
  const rows = await storedSettings().all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const settings = { ...SETTING_DEFAULTS, ...stored } as SiteSettings;
  if (version !== undefined) shared.quireSettings = { version, settings };
  return { ...settings };
}

/** Writes these settings on `db`: inside the caller's write(). */
export async function saveSettings(db: Db, values: Partial<SiteSettings>): Promise<void> {
  const now = new Date();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    await db
      .insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
  }
}

/** Saves settings and their audit entry ("settings.update", naming the keys) together. */
export async function updateSettings(values: Partial<SiteSettings>, by: { id: number; name: string }) {
  await write(async (db) => {
    await saveSettings(db, values);
    await recordAudit(db, {
      actorId: by.id,
      actorLabel: by.name,
      action: "settings.update",
      details: { keys: Object.keys(values) },
    });
  });
  // The change number moves with this commit too, but on PostgreSQL its notification arrives a
  // moment later: the next request here (the page the form returns to) reads the new values.
  shared.quireSettings = null;
}
