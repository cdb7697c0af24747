import "server-only";
import type { EditorFields, TagInput } from "@/db/queries/post-editor";
import { AppError } from "../errors";
import { withoutControlCharacters } from "../utils/control-characters";
import { renderPostMarkdown } from "../markdown/render";
import { isReservedSlug, slugify } from "./slug";
import type { PostFields } from "../validations/post";

/** The editor's parsed fields → what the database stores, with the body rendered by the site's pipeline. */
export async function toEditorFields(input: PostFields): Promise<{ fields: EditorFields; tags: TagInput[] }> {
  const { type: _type, slug: _slug, tags, ...fields } = input;
  const rest = cleanStrings(fields);
  const rendered = await renderPostMarkdown(rest.markdown);
  const tagInputs = tags
    .map((name) => withoutControlCharacters(name).slice(0, 60))
    .map((name) => ({ name, slug: slugify(name) }))
    .filter((tag) => tag.slug !== "");
  return { fields: { ...rest, ...rendered }, tags: tagInputs };
}

/** Every text field without control characters (titles, excerpt, SEO fields, the body). */
function cleanStrings<T extends Record<string, unknown>>(fields: T): T {
  const entries = Object.entries(fields).map(([key, value]) => [
    key,
    typeof value === "string" ? withoutControlCharacters(value) : value,
  ]);
  return Object.fromEntries(entries) as T;
}

/** The slug a person asked for, refused with a field message when it would shadow a site address. */
export function requestedSlug(slug: string): string {
  if (slug && isReservedSlug(slug)) {
    throw new AppError("invalid_input", undefined, {
      slug: ["That address is used by the site itself; choose another slug."],
    });
  }
  return slug;
}

export const slugTakenError = () =>
  new AppError("invalid_input", undefined, { slug: ["Another post or page already uses this slug."] });

export const CONFLICT_MESSAGE =
  "Someone else saved this post while you were editing, so your save was refused. Your text is still here and was also kept in the history as a conflict revision: open History to compare, then reload and apply your changes.";
