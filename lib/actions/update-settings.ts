"use server";

import { updateSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { generalSettingsSchema } from "../validations/settings";

export const updateGeneralSettingsAction = mutation(
  { schema: generalSettingsSchema, access: "admin" },
  async (input, { user }) => {
    updateSettings(input, { actorId: user.id, actorLabel: user.name, action: "settings.update", details: input });
    invalidate("settings");
    return { ok: true, message: "Settings saved." };
  },
);
