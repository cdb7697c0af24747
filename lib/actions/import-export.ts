"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { queueImportJob } from "@/db/queries/import-jobs";
import { updateSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { startImportJob } from "../jobs/import-job";
import { importLimitSchema } from "../validations/settings";

// Admin → Settings → Import / Export. The upload and the export are route handlers
// (app/api/import-export/): their bodies are files.

/** "Import": the person read the dry run of an uploaded file and confirms it; it runs in the background. */
export const startImportAction = mutation(
  { schema: z.object({ id: z.string().uuid("Upload the file again.") }), access: "admin" },
  async ({ id }, { user }) => {
    const outcome = await queueImportJob(id, { id: user.id, label: user.name });
    if (outcome === "busy") throw new AppError("conflict", "An import is already running: wait for it to finish.");
    if (outcome === "missing")
      throw new AppError("not_found", "This upload has already been imported or is gone: upload the file again.");
    startImportJob(id, user.name);
    redirect(`/admin/settings/import-export?job=${id}`); // the page now follows the running job
  },
);

export const updateImportLimitAction = mutation(
  { schema: importLimitSchema, access: "admin" },
  async (input, { user }) => {
    await updateSettings(input, user);
    invalidate("settings");
    return { ok: true, message: "Upload limit saved." };
  },
);
