import "server-only";
import { inArray } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { settings } from "../schema";
import { type AuditEntry, recordAudit } from "./audit";

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
};

export type SiteSettings = typeof SETTING_DEFAULTS;
export type SettingKey = keyof SiteSettings;

export function getSettings(db: Tx | ReturnType<typeof getDb> = getDb()): SiteSettings {
  const rows = db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, Object.keys(SETTING_DEFAULTS)))
    .all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return { ...SETTING_DEFAULTS, ...stored } as SiteSettings;
}

export function saveSettings(db: Tx | ReturnType<typeof getDb>, values: Partial<SiteSettings>) {
  const now = new Date();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    db.insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
  }
}

/** Saves settings and their audit entry together. */
export function updateSettings(values: Partial<SiteSettings>, audit: AuditEntry) {
  getDb().transaction(
    (tx) => {
      saveSettings(tx, values);
      recordAudit(tx, audit);
    },
    { behavior: "immediate" },
  );
}
