import { z } from "zod";

// Ghost's Content API query parameters, shared by /api/v1 and /ghost/api/content.
const list = (allowed: readonly string[]) =>
  z
    .string()
    .max(200)
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .refine((items) => items.every((item) => allowed.includes(item)), {
      message: `Allowed values: ${allowed.join(", ")}.`,
    });

export const browseParamsSchema = z.object({
  key: z.string().max(100).optional(),
  include: list(["tags", "authors", "count.posts"]).optional(),
  fields: z
    .string()
    .max(500)
    .regex(/^[a-z_,\s]*$/, "fields takes field names separated by commas.")
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .optional(),
  formats: list(["html", "plaintext"]).optional(),
  limit: z
    .union([
      z.literal("all"),
      z.coerce
        .number()
        .int("limit must be a whole number.")
        .min(1, "limit must be at least 1.")
        .max(100, "limit is at most 100, or 'all'."),
    ])
    .default(15),
  page: z.coerce
    .number()
    .int("page must be a whole number.")
    .min(1, "page must be at least 1.")
    .max(1_000_000)
    .default(1),
  order: z.string().max(200).optional(),
  filter: z.string().max(2000, "filter is too long (at most 2000 characters).").optional(),
});

export type BrowseParams = z.output<typeof browseParamsSchema>;

/** URLSearchParams → the validated parameters, or the first problem as a sentence. */
export function parseBrowseParams(
  search: URLSearchParams,
): { ok: true; params: BrowseParams } | { ok: false; message: string } {
  const parsed = browseParamsSchema.safeParse(Object.fromEntries(search));
  if (parsed.success) return { ok: true, params: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `${String(issue.path[0] ?? "query")}: ${issue.message}` };
}
