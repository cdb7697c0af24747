import { z } from "zod";

export const generalSettingsSchema = z.object({
  title: z.string().trim().min(1, "Enter a site title.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(300, "Use at most 300 characters."),
});

const NAV_URL = /^(\/[^\s]*|https?:\/\/[^\s]+)$/;

/** "Label | /url" per line → the navigation list. */
const navigationField = z
  .string()
  .max(5000)
  .default("")
  .transform((text, ctx) => {
    const items = [];
    for (const line of text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)) {
      const [label, url] = line.split("|").map((part) => part.trim());
      if (!label || !url || !NAV_URL.test(url) || label.length > 60) {
        ctx.addIssue({
          code: "custom",
          message: `“${line.slice(0, 80)}” should be “Label | /address” (an address on this site or http(s)).`,
        });
        return z.NEVER;
      }
      items.push({ label, url });
    }
    return items.slice(0, 20);
  });

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === "on" || v === "true");

export const siteSettingsSchema = generalSettingsSchema.extend({
  logoUrl: z
    .string()
    .trim()
    .max(500)
    // Stored as "" for none: a settings value cannot be SQL NULL.
    .refine(
      (v) => v === "" || v.startsWith("/media/") || /^https?:\/\//.test(v),
      "Use an uploaded image (/media/…) or an http(s) address.",
    ),
  navigation: navigationField,
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
  postsPerPage: z.coerce.number().int("Use a whole number.").min(1, "At least 1.").max(100, "At most 100."),
  feedFullContent: checkbox,
  commentPolicy: z.enum(["hold_all", "hold_first_time", "publish"], "Choose a comment policy."),
  commentLinkLimit: z.coerce.number().int("Use a whole number.").min(0, "At least 0.").max(50, "At most 50."),
  commentCloseAfterDays: z.coerce.number().int("Use a whole number.").min(0, "At least 0.").max(3650, "At most 3650."),
});
