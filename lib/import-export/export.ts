// POST /api/import-export/export (a form: format) — the site's content as a download.
// Owner and administrators only. The export is written to a file in the data folder
// (runExport streams it there with bounded memory), streamed to the response, then removed.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { minimumRole } from "@/lib/authz";
import { getEnv, siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";
import { runExport } from "@/lib/transfer/export/run";
import { exportChoiceSchema } from "@/lib/validations/settings";
import packageInfo from "@/package.json";

const FORMATS = {
  quire: { format: "quire", zip: false, ext: "json", type: "application/json" },
  "quire-zip": { format: "quire", zip: true, ext: "zip", type: "application/zip" },
  wxr: { format: "wxr", zip: false, ext: "xml", type: "application/xml" },
  markdown: { format: "markdown", zip: true, ext: "zip", type: "application/zip" },
} as const;

export const handleExportDownload = route(
  { auth: { session: minimumRole("settings.manage") } },
  async (request, { user }) => {
    const form = await request.formData().catch(() => null);
    const parsed = exportChoiceSchema.safeParse({ format: form?.get("format") });
    if (!parsed.success) throw new AppError("invalid_input", "Choose an export format.");
    const choice = FORMATS[parsed.data.format];

    const { dataDir, mediaDir } = getEnv();
    const folder = path.join(dataDir, "exports-tmp");
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${crypto.randomUUID()}.${choice.ext}`);
    const summary = await runExport({
      dataDir,
      mediaDir,
      file,
      format: choice.format,
      zip: choice.zip,
      revisions: false,
      siteUrl: siteUrl(),
      quireVersion: packageInfo.version,
    });
    await recordAudit(getDb(), {
      actorId: user.id,
      actorLabel: user.name,
      action: "site.export",
      targetType: "export",
      targetId: parsed.data.format,
      details: { bytes: summary.bytes, ...summary.counts },
    });

    const stream = fs.createReadStream(file);
    stream.once("close", () => fs.rmSync(file, { force: true }));
    const kind = choice.format === "quire" ? "" : `-${choice.format}`;
    const name = `quire${kind}-${new Date().toISOString().slice(0, 10)}.${choice.ext}`;
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "content-type": choice.type,
        "content-length": String(summary.bytes),
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
);
