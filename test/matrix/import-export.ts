import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { importJobs } from "@/db/schema";
import { write } from "@/db/transaction";
import { handleExportDownload as exportRoute } from "@/lib/import-export/export";
import { handleImportUpload as uploadRoute } from "@/lib/import-export/upload";
import { updateAnalyticsSettingsAction } from "@/lib/actions/analytics-settings";
import { startImportAction, updateImportLimitAction } from "@/lib/actions/import-export";
import { handleAnalyticsExport as analyticsExportRoute } from "@/lib/analytics/export";
import { ADMINS, type MatrixRow, ok, settle, SITE } from "../authz-matrix";

// Admin → Settings → Import / Export: the owner and administrators only.

const WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Old blog</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Hello</title><link>http://old.example/2019/05/hello/</link><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>Hello there.</p>]]></content:encoded><wp:post_id>1</wp:post_id>
<wp:post_date_gmt>2019-05-01 10:00:00</wp:post_date_gmt><wp:post_name>hello</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`;

function post(path: string, body: BodyInit) {
  return new Request(`${SITE}${path}`, { method: "POST", headers: { origin: SITE, host: "blog.example" }, body });
}

/** A dry-run-checked upload waiting for its "Import"; removed again when the action is refused. */
async function confirmImport() {
  const id = crypto.randomUUID();
  await write((db) =>
    db.insert(importJobs).values({
      id,
      status: "checked",
      filePath: `/nonexistent/${id}.xml`,
      fileName: "old.xml",
      fileBytes: 1,
      format: "wordpress",
    }),
  );
  const result = await settle(startImportAction(null, { id }));
  if (!result.ok) await write((db) => db.delete(importJobs).where(eq(importJobs.id, id)));
  return result;
}

export const IMPORT_EXPORT_ACTIONS: MatrixRow[] = [
  // Admin → Analytics and its settings: the owner and administrators only, too.
  {
    what: "download the analytics as CSV",
    entry: "app/api/analytics/export/route.ts POST",
    run: () => {
      const form = new FormData();
      form.set("days", "30");
      return analyticsExportRoute(post("/api/analytics/export", form)).then(async (response) => {
        await response.body?.cancel();
        return ok(response);
      });
    },
    allowed: ADMINS,
    reads: true,
  },
  {
    what: "change the analytics settings",
    entry: updateAnalyticsSettingsAction,
    run: () => updateAnalyticsSettingsAction(null, { analyticsRetentionDays: "365" }),
    allowed: ADMINS,
  },
  {
    what: "upload a file to import (dry run)",
    entry: "app/api/import-export/upload/route.ts POST",
    run: () => uploadRoute(post("/api/import-export/upload?name=old.xml", WXR)).then(ok),
    allowed: ADMINS,
  },
  {
    what: "download an export",
    entry: "app/api/import-export/export/route.ts POST",
    run: () => {
      const form = new FormData();
      form.set("format", "quire");
      return exportRoute(post("/api/import-export/export", form)).then(async (response) => {
        await response.body?.cancel();
        return ok(response);
      });
    },
    allowed: ADMINS,
  },
  { what: "start a checked import", entry: startImportAction, run: confirmImport, allowed: ADMINS },
  {
    what: "change the import size limit",
    entry: updateImportLimitAction,
    run: () => updateImportLimitAction(null, { importMaxMegabytes: "50" }),
    allowed: ADMINS,
  },
];
