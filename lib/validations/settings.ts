import { z } from "zod";
import { IMPORT_MAX_MEGABYTES_CEILING } from "../security/body-limits";

export const generalSettingsSchema = z.object({
  title: z.string().trim().min(1, "Enter a site title.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(300, "Use at most 300 characters."),
});

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === "on" || v === "true");

// The logo, navigation and posts per page are edited on Admin → Design (lib/validations/design.ts).
export const siteSettingsSchema = generalSettingsSchema.extend({
  timezone: z
    .string()
    .trim()
    .min(1, "Choose a timezone.")
    .max(60)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "Choose a timezone from the list, like Europe/Paris."),
  feedFullContent: checkbox,
  commentPolicy: z.enum(["hold_all", "hold_first_time", "publish"], "Choose a comment policy."),
  commentLinkLimit: z.coerce.number().int("Use a whole number.").min(0, "At least 0.").max(50, "At most 50."),
  commentCloseAfterDays: z.coerce.number().int("Use a whole number.").min(0, "At least 0.").max(3650, "At most 3650."),
});

/** Admin → Settings → Import / Export: the upload limit, and what is exported. */
export const importLimitSchema = z.object({
  importMaxMegabytes: z.coerce
    .number("Enter a number of megabytes.")
    .int("Use a whole number.")
    .min(1, "At least 1 MB.")
    .max(IMPORT_MAX_MEGABYTES_CEILING, `At most ${IMPORT_MAX_MEGABYTES_CEILING} MB.`),
});

export const EXPORT_CHOICES = ["quire", "quire-zip", "wxr", "markdown"] as const;
export const exportChoiceSchema = z.object({
  format: z.enum(EXPORT_CHOICES, "Choose an export format."),
});

/** Admin → Settings → Analytics: how long daily counts are kept, in days. */
export const ANALYTICS_RETENTION_CHOICES = [
  { value: 90, label: "90 days" },
  { value: 365, label: "1 year" },
  { value: 730, label: "2 years" },
  { value: 1825, label: "5 years" },
] as const;

export const analyticsSettingsSchema = z.object({
  analyticsEnabled: checkbox,
  analyticsRetentionDays: z.coerce
    .number("Choose how long to keep the counts.")
    .int("Choose how long to keep the counts.")
    .refine(
      (days) => ANALYTICS_RETENTION_CHOICES.some((choice) => choice.value === days),
      "Choose how long to keep the counts.",
    ),
});
