import "server-only";
import type { Db } from "@/db/client";
import { saveSettings, SETTING_DEFAULTS } from "@/db/queries/settings";
import { settings } from "@/db/schema";
import { bump, type ImportReport } from "./report";
import type { WriteContext } from "./write-common";

/** The settings a source carries (Quire exports). */
export async function writeSettings({ db, staging, report }: WriteContext) {
  for (const item of staging.each("settings")) await mergeSettings(db, item.values, report);
}

/** Settings the site never set take the source's values; what staff set is kept. */
async function mergeSettings(db: Db, values: Record<string, unknown>, report: ImportReport) {
  const taken = new Set((await db.select({ key: settings.key }).from(settings)).map((row) => row.key));
  // A value equal to the default (or null: unset) needs no row; a settings value cannot be SQL NULL.
  const fresh = Object.fromEntries(
    Object.entries(values).filter(
      ([name, value]) =>
        !taken.has(name) &&
        value !== null &&
        JSON.stringify(value) !== JSON.stringify(SETTING_DEFAULTS[name as keyof typeof SETTING_DEFAULTS]),
    ),
  );
  await saveSettings(db, fresh);
  for (const name of Object.keys(values))
    if (taken.has(name)) report.notes.push({ item: `setting ${name}`, note: "already set on this site: kept" });
  if (Object.keys(fresh).length > 0) bump(report.created, "setting");
}
