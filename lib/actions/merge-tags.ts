"use server";

import { mergeTags } from "@/db/queries/tag-admin";
import { mutation } from "../action";
import { actorOf } from "../posts/access";
import { tagResult } from "../tags/tag-result";
import { mergeTagsSchema } from "../validations/tag";

// Tags are managed by editors and up (PRODUCT.md); authors create them only inline while writing.
export const mergeTagsAction = mutation({ schema: mergeTagsSchema, access: "editor" }, async (input, { user }) =>
  tagResult(await mergeTags(input, actorOf(user)), "Tags merged."),
);
