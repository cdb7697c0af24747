// POST /api/import-export/upload?name=FILE — the body is the file itself (no multipart, so
// nothing holds it in memory). Owner and administrators only, from this site's admin.
// The file is counted into the data folder, checked by a dry run, and kept as a
// "checked" job the person confirms on the page (lib/actions/import-job.ts).
import "server-only";
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { busyImportJob, discardCheckedJobs, insertCheckedJob } from "@/db/queries/import-jobs";
import { getSettings } from "@/db/queries/settings";
import { minimumRole } from "@/lib/authz";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/route";
import { ImportError } from "@/lib/transfer/shape";
import { importFile } from "@/lib/transfer/write";

const EXTENSIONS = new Set([".zip", ".xml", ".json"]);

export const handleImportUpload = route(
  { auth: { session: minimumRole("settings.manage") } },
  async (request, { user }) => {
    const { importMaxMegabytes } = await getSettings();
    const limit = importMaxMegabytes * 1024 * 1024;
    const tooLarge = `The file is too large: imports may be at most ${importMaxMegabytes} MB (Settings → Import / Export).`;
    if (Number(request.headers.get("content-length") ?? 0) > limit) throw new AppError("too_large", tooLarge);
    if (await busyImportJob()) throw new AppError("conflict", "An import is running: wait for it to finish first.");

    const name = (new URL(request.url).searchParams.get("name") ?? "").replace(/[\u0000-\u001f\u007f/\\]/g, "");
    const extension = path.extname(name).toLowerCase();
    if (!name || !EXTENSIONS.has(extension))
      throw new AppError(
        "bad_request",
        "Choose a .xml, .json or .zip file (a WordPress, Ghost, Blogger, Markdown or Quire export).",
      );
    if (!request.body) throw new AppError("bad_request", "The upload was empty.");

    // One upload waits for its "Import" at a time: an earlier one left unconfirmed goes.
    for (const earlier of await discardCheckedJobs()) fs.rmSync(earlier, { force: true });
    const id = crypto.randomUUID();
    const folder = path.join(getEnv().dataDir, "imports");
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${id}${extension}`);
    const bytes = await saveBody(request.body, file, limit, tooLarge);

    try {
      const report = await importFile(file, { dryRun: true });
      report.file = name.slice(0, 200);
      await insertCheckedJob({
        id,
        filePath: file,
        fileName: name.slice(0, 200),
        fileBytes: bytes,
        format: report.format,
        dryRunReport: report as unknown as Record<string, unknown>,
        createdBy: user.id,
      });
      return Response.json({ id }, { status: 201 });
    } catch (error) {
      fs.rmSync(file, { force: true });
      if (error instanceof ImportError)
        throw new AppError("bad_request", `This file cannot be imported: ${error.message}`);
      throw error;
    }
  },
);

/** The body into `file`, counted as it comes: past `limit` the upload stops and the file goes. */
async function saveBody(body: ReadableStream<Uint8Array>, file: string, limit: number, tooLarge: string) {
  const out = fs.createWriteStream(file, { flags: "wx" });
  let bytes = 0;
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (bytes > limit) throw new AppError("too_large", tooLarge);
      if (!out.write(chunk)) await once(out, "drain");
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    if (bytes === 0) throw new AppError("bad_request", "The upload was empty.");
    return bytes;
  } catch (error) {
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  }
}
