"use server";

import { trashPost } from "@/db/queries/post-workflow";
import { mutation } from "../action";
import { actorOf, deleteScope } from "../posts/access";
import { statusResult } from "../posts/status";
import { postIdSchema } from "../validations/post";

export const trashPostAction = mutation({ schema: postIdSchema, access: "contributor" }, async (input, { user }) => {
  return await statusResult(
    await trashPost({ id: input.id, scope: deleteScope(user) }, actorOf(user)),
    "Moved to the trash.",
  );
});
