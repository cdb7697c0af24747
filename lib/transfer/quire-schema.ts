import { z } from "zod";

// The records of a Quire export (docs/export-format.md) as the importer accepts them, each
// checked on its own as it is read (quire-records.ts).

export const SUPPORTED_VERSION = 1;

/** The export's lists in the order the exporter writes them: posts before the redirects that lead to them. */
export const LISTS = ["staff", "tags", "media", "posts", "pages", "redirects", "comments", "revisions"] as const;
export type ListName = (typeof LISTS)[number];

const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const nullableDate = date.nullable().optional();
const text = z.string().max(1_000_000);
const maybe = text.nullable().optional();

export const headerSchema = z.object({
  format: z.literal("quire-export"),
  version: z.number().int(),
  site: z.object({ url: z.string().max(500) }),
  settings: z.record(z.string(), z.unknown()).optional(),
});

// Only settings that change how the site reads; nothing here concerns signing in.
export const settingsSchema = z
  .object({
    title: z.string().min(1).max(120),
    description: z.string().max(300),
    timezone: z.string().max(100),
    postsPerPage: z.number().int().min(1).max(100),
    navigation: z.array(z.object({ label: z.string().max(100), url: z.string().max(500) })).max(50),
    logoUrl: z.string().max(500).nullable(),
    feedFullContent: z.boolean(),
    commentPolicy: z.enum(["hold_all", "hold_first_time", "publish"]),
    commentLinkLimit: z.number().int().min(0).max(50),
    commentCloseAfterDays: z.number().int().min(0).max(3650),
    commentMinLength: z.number().int().min(0).max(100_000),
    commentMaxLength: z.number().int().min(1).max(100_000),
    bannedWords: z.array(z.string().max(200)).max(10_000),
  })
  .partial();

export const staffSchema = z.object({
  name: text,
  email: z.string().max(254).nullable(),
  slug: z.string().min(1).max(200),
  bio: maybe,
  role: z.enum(["owner", "admin", "editor", "author", "contributor"]),
});

export const tagSchema = z.object({ name: text, slug: z.string().min(1).max(200), description: maybe });

export const mediaSchema = z.object({ id: z.number().int(), path: z.string().max(2000) });

const staffRef = z.object({ slug: z.string() }).nullable().optional();

export const postSchema = z.object({
  id: z.number().int(),
  type: z.enum(["post", "page"]),
  title: text,
  slug: z.string().max(500),
  path: z.string().max(600).optional(),
  status: z.enum(["draft", "review", "scheduled", "published"]),
  trashed: z.boolean().optional(),
  deleted_at: nullableDate,
  published_at: nullableDate,
  created_at: nullableDate,
  updated_at: nullableDate,
  author: staffRef,
  featured: z.boolean(),
  comments_open: z.boolean(),
  custom_excerpt: maybe,
  feature_image: maybe,
  feature_image_alt: maybe,
  tags: z.array(z.string()),
  seo: z.record(z.string(), z.string().max(2000).nullable()).optional(),
  markdown: z.string(),
});

export const redirectSchema = z.object({ from_path: z.string().max(2000), to_path: z.string().max(2000) });

export const commentSchema = z.object({
  id: z.number().int(),
  post_id: z.number().int(),
  parent_id: z.number().int().nullable(),
  status: z.enum(["pending", "approved", "spam", "trash"]),
  kind: z.enum(["comment", "trackback", "pingback"]).optional(),
  created_at: date,
  updated_at: nullableDate,
  approved_at: nullableDate,
  author: z.object({
    name: text,
    website: maybe,
    personal_data: z.object({ email: maybe, notify_replies: z.boolean().optional() }).optional(),
  }),
  markdown: z.string(),
  html: z.string(),
});
