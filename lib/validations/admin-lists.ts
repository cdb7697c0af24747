import { z } from "zod";
import { COMMENT_STATUSES, POST_STATUSES } from "@/db/schema/enums";

// The search parameters of the admin lists. Anyone can type any address, so nothing here refuses:
// a value that does not fit falls back to its default and the list still shows (no error page).

/** `?q=a&q=b` arrives as an array: the first value counts, as a browser's form would send one. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Free text, trimmed and cut to a sane length; empty means "not filtered". */
const text = z.preprocess(
  first,
  z
    .string()
    .transform((value) => value.trim().slice(0, 200) || undefined)
    .optional()
    .catch(undefined),
);

/** One of a few values, or nothing. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional().catch(undefined));

const positiveId = z.preprocess(first, z.coerce.number().int().positive().optional().catch(undefined));

export const MAX_PAGE = 10_000;
const page = z.preprocess(
  first,
  z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .transform((value) => Math.min(value, MAX_PAGE)),
);

export const POST_SORTS = ["updated", "published", "title"] as const;

export const postListSearchSchema = z.object({
  status: oneOf([...POST_STATUSES, "trash"]),
  author: positiveId,
  tag: text,
  q: text,
  sort: z.preprocess(first, z.enum(POST_SORTS).catch("updated")),
  page,
});

export const AUDIT_KINDS = ["post.", "page.", "tag.", "media.", "user.", "settings.", "site."] as const;

export const auditSearchSchema = z.object({ action: oneOf(AUDIT_KINDS), page });

export const mediaSearchSchema = z.object({ q: text, page });

export const commentListSearchSchema = z.object({
  status: z.preprocess(first, z.enum(COMMENT_STATUSES).catch("pending")),
  post: positiveId,
  email: text,
  q: text,
  page,
});

/** The two revisions the history page compares (by default the newest two). */
export const revisionCompareSearchSchema = z.object({ a: positiveId, b: positiveId });

/** Next.js's `searchParams`, awaited. */
export type SearchParams = Record<string, string | string[] | undefined>;
