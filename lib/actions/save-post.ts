"use server";

import type { PostStatus } from "@/db/schema";
import { createPost, isPostSlugFree, savePost } from "@/db/queries/post-editor";
import { mutation } from "../action";
import { AppError } from "../errors";
import { actorOf, editScope } from "../posts/access";
import { CONFLICT_MESSAGE, requestedSlug, slugTakenError, toEditorFields } from "../posts/input";
import { afterPostsChanged } from "../posts/publishing";
import { slugify } from "../posts/slug";
import { savePostSchema } from "../validations/post";

// Creates the post when no id is given (always as the signed-in author, as a draft),
// otherwise saves it when the editor's version is still the current one.
export const savePostAction = mutation({ schema: savePostSchema, access: "contributor" }, async (input, { user }) => {
  const slug = requestedSlug(input.slug);
  const { fields, tags } = await toEditorFields(input);
  if (!input.id) {
    if (slug && !(await isPostSlugFree(slug))) throw slugTakenError();
    const base = slug || slugify(input.title) || "untitled";
    const created = await createPost({ type: input.type, authorId: user.id, slug: base, fields, tags }, actorOf(user));
    await afterPostsChanged([{ id: created.id, slug: created.slug, type: input.type, tagSlugs: created.tagSlugs }]);
    return {
      ok: true,
      message: "Draft saved.",
      data: { id: created.id, version: created.version, slug: created.slug },
    };
  }
  const outcome = await savePost(
    { id: input.id, scope: editScope(user), version: input.version, slug, fields, tags },
    actorOf(user),
  );
  if (!outcome.ok) {
    if (outcome.reason === "slug_taken") throw slugTakenError();
    if (outcome.reason === "conflict") return { ok: false, error: CONFLICT_MESSAGE };
    throw new AppError("not_found", "This post does not exist or you may not edit it.");
  }
  await afterPostsChanged([
    {
      id: outcome.id,
      slug: outcome.slug,
      type: input.type,
      tagSlugs: outcome.tagSlugs,
      action: "save",
      previousStatus: outcome.status as PostStatus,
    },
  ]);
  return { ok: true, message: "Saved.", data: { id: outcome.id, version: outcome.version, slug: outcome.slug } };
});
