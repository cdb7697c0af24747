"use server";

import { updateTag } from "@/db/queries/tag-admin";
import { mutation } from "../action";
import { actorOf } from "../posts/access";
import { slugify } from "../posts/slug";
import { tagResult, tagSlug } from "../tags/tag-result";
import { updateTagSchema } from "../validations/tag";

// Rename and describe; a changed slug leaves a redirect from the old /tag/ address.
export const updateTagAction = mutation({ schema: updateTagSchema, access: "editor" }, async (input, { user }) =>
  tagResult(await updateTag({ ...input, slug: tagSlug(input.slug, input.name, slugify) }, actorOf(user)), "Tag saved."),
);
