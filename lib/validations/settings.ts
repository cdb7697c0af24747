import { z } from "zod";

export const generalSettingsSchema = z.object({
  title: z.string().trim().min(1, "Enter a site title.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(300, "Use at most 300 characters."),
});
