"use server";

import { updateSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { analyticsSettingsSchema } from "../validations/settings";

// Admin → Settings → Analytics; admins and the owner only. The server reads the setting
// on the background loop's next pass (lib/jobs/background.ts), within a few seconds.
export const updateAnalyticsSettingsAction = mutation(
  { schema: analyticsSettingsSchema, access: "admin" },
  async (input, { user }) => {
    await updateSettings(input, user);
    invalidate("settings");
    return {
      ok: true,
      message: input.analyticsEnabled ? "Analytics settings saved." : "Analytics turned off: nothing is counted now.",
    };
  },
);
