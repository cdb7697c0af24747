"use server";

import { purgePost } from "@/db/queries/post-workflow";
import { mutation } from "../action";
import { actorOf, deleteScope } from "../post-access";
import { statusResult } from "../post-status";
import { postIdSchema } from "../validations/post";

export const purgePostAction = mutation({ schema: postIdSchema, access: "contributor" }, async (input, { user }) => {
  return statusResult(purgePost({ id: input.id, scope: deleteScope(user) }, actorOf(user)), "Deleted for good.");
});
