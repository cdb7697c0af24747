import "server-only";
import { invalidate } from "../cache";
import { AppError } from "../errors";

type TagOutcome = { ok: true; slugs: string[] } | { ok: false; reason: "not_found" | "slug_taken" };

/** A tag needs a usable address: a name of only symbols gives none. */
export function tagSlug(slug: string, name: string, slugify: (text: string) => string): string {
  const result = slug || slugify(name);
  if (!result) throw new AppError("invalid_input", undefined, { slug: ["Give this tag a slug of letters or digits."] });
  return result;
}

/** Tag writes end alike: a slug clash is a field error, and the tag pages and lists go stale. */
export function tagResult(outcome: TagOutcome, message: string) {
  if (!outcome.ok) {
    if (outcome.reason === "slug_taken")
      throw new AppError("invalid_input", undefined, { slug: ["Another tag already uses this slug."] });
    throw new AppError("not_found", "That tag no longer exists.");
  }
  invalidate("tags", "posts", ...outcome.slugs.map((slug) => `tag:${slug}` as const));
  return { ok: true as const, message };
}
