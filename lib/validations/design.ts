import { z } from "zod";
import { accentProblem } from "../utils/contrast";
import { FONT_PAIRING_IDS } from "../utils/font-pairings";

export const HOME_LAYOUTS = ["list", "cards"] as const;
export const MAX_MENU_ITEMS = 20;

/**
 * A menu link: an address on this site ("/about", "/tag/news", not "//elsewhere") or an
 * http(s) address. Anything else (javascript:, data:, mailto:, spaces) is refused.
 */
export function isMenuUrl(url: string): boolean {
  if (/\s/.test(url)) return false;
  if (/^\/(?!\/)/.test(url) || url === "/") return !url.includes("\\");
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}

export const menuItemSchema = z.object({
  label: z.string().trim().min(1, "Give every link a label.").max(60, "Use at most 60 characters for a label."),
  url: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters for an address.")
    .refine(isMenuUrl, "Use an address on this site (/about) or one starting with http:// or https://."),
});

export type MenuItem = z.infer<typeof menuItemSchema>;

/**
 * A menu as the editor sends it: JSON of [{ label, url }]. The first bad item is named in
 * the message, so the owner knows which row to fix.
 */
const menuField = z
  .string()
  .max(50_000)
  .default("[]")
  .transform((text, ctx): MenuItem[] => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = null;
    }
    if (!Array.isArray(raw)) {
      ctx.addIssue({ code: "custom", message: "The menu could not be read; reload the page and try again." });
      return z.NEVER;
    }
    if (raw.length > MAX_MENU_ITEMS) {
      ctx.addIssue({ code: "custom", message: `A menu holds at most ${MAX_MENU_ITEMS} links.` });
      return z.NEVER;
    }
    const items: MenuItem[] = [];
    for (const [index, entry] of raw.entries()) {
      const item = menuItemSchema.safeParse(entry);
      if (!item.success) {
        ctx.addIssue({ code: "custom", message: `Link ${index + 1}: ${item.error.issues[0]!.message}` });
        return z.NEVER;
      }
      items.push(item.data);
    }
    return items;
  });

const accent = (scheme: "light" | "dark") =>
  z
    .string()
    .trim()
    .toLowerCase()
    .superRefine((value, ctx) => {
      const problem = accentProblem(value, scheme);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

// Images are uploads of ours (/media/…): a reader page asks nothing of another host.
const uploadedImage = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === "" || /^\/media\/[\w./-]+$/.test(v), "Upload an image, or remove it.");

export const designSchema = z.object({
  accentColor: accent("light"),
  accentColorDark: accent("dark"),
  logoUrl: uploadedImage,
  siteIconUrl: uploadedImage,
  coverImageUrl: uploadedImage,
  fontPairing: z.enum(FONT_PAIRING_IDS, "Choose a font pairing."),
  navigation: menuField,
  footerNavigation: menuField,
  homeLayout: z.enum(HOME_LAYOUTS, "Choose a home page layout."),
  postsPerPage: z.coerce.number().int("Use a whole number.").min(1, "At least 1.").max(100, "At most 100."),
});

export type DesignInput = z.infer<typeof designSchema>;
