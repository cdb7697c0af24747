"use server";

import { deleteTag } from "@/db/queries/tag-admin";
import { mutation } from "../action";
import { actorOf } from "../posts/access";
import { tagResult } from "../tags/tag-result";
import { deleteTagSchema } from "../validations/tag";

// Tags are managed by editors and up (PRODUCT.md); authors create them only inline while writing.
export const deleteTagAction = mutation({ schema: deleteTagSchema, access: "editor" }, async (input, { user }) =>
  tagResult(await deleteTag(input, actorOf(user)), "Tag deleted."),
);
