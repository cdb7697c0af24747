"use server";

import { restorePost } from "@/db/queries/post-workflow";
import { mutation } from "../action";
import { actorOf, deleteScope } from "../post-access";
import { statusResult } from "../post-status";
import { postIdSchema } from "../validations/post";

export const restorePostAction = mutation({ schema: postIdSchema, access: "contributor" }, async (input, { user }) => {
  return statusResult(
    restorePost({ id: input.id, scope: deleteScope(user) }, actorOf(user)),
    "Restored from the trash.",
  );
});
