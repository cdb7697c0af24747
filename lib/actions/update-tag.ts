"use server";

import { updateTag } from "@/db/queries/tag-admin";
import { mutation } from "../action";
import { actorOf } from "../post-access";
import { slugify } from "../slug";
import { tagResult, tagSlug } from "../tag-result";
import { updateTagSchema } from "../validations/tag";

// Rename and describe; a changed slug leaves a redirect from the old /tag/ address.
export const updateTagAction = mutation({ schema: updateTagSchema, access: "editor" }, async (input, { user }) =>
  tagResult(updateTag({ ...input, slug: tagSlug(input.slug, input.name, slugify) }, actorOf(user)), "Tag saved."),
);
