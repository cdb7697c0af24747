import "server-only";
import { findImported, findTag, insertImportedTag, recordImported, tagSlugById } from "@/db/queries/imports";
import { slugify } from "../utils/slugify";
import { htmlToText } from "./convert";
import { decodeURIComponentSafe } from "./paths";
import { bump } from "./report";
import { clip, type WriteContext } from "./write-common";
import { addRedirect } from "./write-redirects";

/** Each tag once: merged with a tag of the same name or slug, else created. Their ids by source id. */
export async function writeTags({ db, staging, report, key, step }: WriteContext): Promise<Map<string, number>> {
  const tagIds = new Map<string, number>();
  for (const tag of staging.each("tag")) {
    await step("tag");
    const known = await findImported(db, key("tag", tag.sourceId));
    if (known !== undefined) {
      tagIds.set(tag.sourceId, known);
      bump(report.alreadyImported, "tag");
      continue;
    }
    const name = htmlToText(tag.name).slice(0, 60) || tag.slug || "tag";
    const slug = slugify(decodeURIComponentSafe(tag.slug ?? "")) || slugify(name) || "tag";
    const existing = await findTag(db, name, slug);
    const id = existing ?? (await insertImportedTag(db, { name, slug, description: clip(tag.description, 500) ?? "" }));
    bump(existing === undefined ? report.created : report.merged, "tag");
    tagIds.set(tag.sourceId, id);
    await recordImported(db, key("tag", tag.sourceId), "tag", id);
  }
  // Tag archive addresses, once every tag has its final slug.
  for (const tag of staging.each("tag")) {
    const id = tagIds.get(tag.sourceId);
    const slug = id !== undefined ? await tagSlugById(db, id) : undefined;
    if (slug) for (const from of tag.oldPaths) await addRedirect(db, report, from, `/tag/${slug}`);
  }
  return tagIds;
}
