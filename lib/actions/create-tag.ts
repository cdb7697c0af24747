"use server";

import { createTag } from "@/db/queries/tag-admin";
import { mutation } from "../action";
import { actorOf } from "../posts/access";
import { slugify } from "../posts/slug";
import { tagResult, tagSlug } from "../tags/tag-result";
import { tagSchema } from "../validations/tag";

// Tags are managed by editors and up (PRODUCT.md); authors create them only inline while writing.
export const createTagAction = mutation({ schema: tagSchema, access: "editor" }, async (input, { user }) =>
  tagResult(
    await createTag(
      { name: input.name, slug: tagSlug(input.slug, input.name, slugify), description: input.description },
      actorOf(user),
    ),
    "Tag created.",
  ),
);
