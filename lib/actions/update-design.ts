"use server";

import { updateSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { designSchema } from "../validations/design";

// Admin → Design: the reader site's look, saved at once (owner and administrators). The
// page cache empties on the commit (bin/server/data-version.mjs), so the next reader
// request shows it; the audit entry names the keys (updateSettings).
export const updateDesignAction = mutation({ schema: designSchema, access: "admin" }, async (input, { user }) => {
  await updateSettings(input, user);
  invalidate("settings", "posts");
  return { ok: true, message: "Design saved. The site shows it from the next page." };
});
