import { z } from "zod";
import { MARKDOWN_TOO_DEEP, markdownTooDeep } from "../markdown/limits";
import { isSlug } from "../utils/slugify";

// Shared by the editor (client) and the post actions (server).
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : null));

const id = z.coerce.number().int().positive();

export const postFieldsSchema = z.object({
  type: z.enum(["post", "page"]).default("post"),
  title: z.string().trim().min(1, "Enter a title.").max(250, "Use at most 250 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "Use at most 80 characters.")
    .refine((value) => value === "" || isSlug(value), "Use lowercase letters, digits and single hyphens.")
    .default(""),
  markdown: z
    .string()
    .max(500_000, "The body is too long.")
    .refine((value) => !markdownTooDeep(value), MARKDOWN_TOO_DEEP)
    .default(""),
  customExcerpt: optionalText(500),
  tags: z
    .string()
    .max(2000)
    .default("")
    .transform((value) =>
      [
        ...new Set(
          value
            .split(",")
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ].slice(0, 20),
    ),
  featureImage: optionalText(500),
  featureImageAlt: optionalText(300),
  featured: z
    .union([z.boolean(), z.enum(["on", "true", "false"])])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
  commentsOpen: z
    .union([z.boolean(), z.enum(["on", "true", "false"])])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
  metaTitle: optionalText(300),
  metaDescription: optionalText(500),
  canonicalUrl: optionalText(500),
  ogTitle: optionalText(300),
  ogDescription: optionalText(500),
  ogImage: optionalText(500),
  twitterTitle: optionalText(300),
  twitterDescription: optionalText(500),
  twitterImage: optionalText(500),
});

export type PostFields = z.output<typeof postFieldsSchema>;

/** A save names the version it started from (optimistic concurrency); no id creates the post. */
export const savePostSchema = postFieldsSchema.extend({
  id: id.optional(),
  version: z.coerce.number().int().min(0).default(0),
});

export const autosaveSchema = z.object({
  id,
  version: z.coerce.number().int().min(0),
  title: z.string().max(250).default(""),
  markdown: z
    .string()
    .max(500_000)
    .refine((value) => !markdownTooDeep(value), MARKDOWN_TOO_DEEP)
    .default(""),
});

export const postIdSchema = z.object({ id });

export const scheduleSchema = z.object({
  id,
  // "2026-11-23T14:30" in the site's timezone, as a datetime-local input sends it.
  publishAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time."),
});

export const bulkPostsSchema = z.object({
  operation: z.enum(["publish", "unpublish", "trash", "restore", "purge"], "Choose what to do."),
  // One checkbox arrives as a string, several as a list.
  ids: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(id).min(1, "Select at least one item.").max(200),
  ),
});

export const previewSchema = z.object({
  markdown: z
    .string()
    .max(500_000)
    .refine((value) => !markdownTooDeep(value), MARKDOWN_TOO_DEEP),
});

export const restoreRevisionSchema = z.object({ postId: id, revisionId: id });
