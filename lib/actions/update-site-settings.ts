"use server";

import { updateSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { siteSettingsSchema } from "../validations/settings";

// The whole settings page at once; admins and the owner only.
export const updateSiteSettingsAction = mutation(
  { schema: siteSettingsSchema, access: "admin" },
  async (input, { user }) => {
    await updateSettings(input, user);
    invalidate("settings", "posts");
    return { ok: true, message: "Settings saved." };
  },
);
