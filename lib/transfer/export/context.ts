import { SETTING_DEFAULTS, type SiteSettings } from "@/db/queries/settings";
import type { ExportReader, StaffRow, TagRow } from "@/db/queries/export";

/**
 * What every format needs besides the pages of posts: the site's settings, and staff
 * and tags by id (both kept in memory: they are the small tables, looked up by every post).
 */
export type ExportContext = {
  reader: ExportReader;
  /** The site's public origin, no trailing slash: absolute links in WXR. */
  siteUrl: string;
  exportedAt: Date;
  quireVersion: string;
  settings: SiteSettings;
  staff: Map<number, StaffRow>;
  tags: Map<number, TagRow>;
};

export async function loadContext(
  reader: ExportReader,
  options: { siteUrl: string; quireVersion: string; exportedAt?: Date },
): Promise<ExportContext> {
  const staff = new Map<number, StaffRow>();
  for await (const page of reader.staffPages()) for (const row of page) staff.set(row.id, row);
  const tags = new Map<number, TagRow>();
  for await (const page of reader.tagPages()) for (const row of page) tags.set(row.id, row);
  return {
    reader,
    siteUrl: options.siteUrl.replace(/\/+$/, ""),
    exportedAt: options.exportedAt ?? new Date(),
    quireVersion: options.quireVersion,
    settings: await readSettings(reader),
    staff,
    tags,
  };
}

// Only the settings Quire knows, each with its default when never saved: a stray
// row in the table (or a future secret kept there) is never exported by accident.
async function readSettings(reader: ExportReader): Promise<SiteSettings> {
  const stored = await reader.settings();
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(SETTING_DEFAULTS)) {
    const raw = stored.get(key);
    out[key] = raw === undefined ? fallback : parseJson(raw, fallback);
  }
  return out as SiteSettings;
}

function parseJson(raw: string, fallback: unknown): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return fallback;
  }
}

export const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** The reader-site path of a post or page: both live at `/<slug>`. */
export const postPath = (slug: string): string => `/${slug}`;

export const mediaPath = (key: string): string => `/media/${key}`;

export function parseVariants(raw: string | null): { width: number; key: string; size: number }[] {
  if (!raw) return [];
  const parsed = parseJson(raw, []);
  return Array.isArray(parsed) ? (parsed as { width: number; key: string; size: number }[]) : [];
}
