"use server";

import { unpublishPost } from "@/db/queries/post-workflow";
import { mutation } from "../action";
import { actorOf, publishScope } from "../posts/access";
import { forbidden, statusResult } from "../posts/status";
import { postIdSchema } from "../validations/post";

export const unpublishPostAction = mutation({ schema: postIdSchema, access: "author" }, async (input, { user }) => {
  const scope = publishScope(user);
  if (!scope) return forbidden();
  return await statusResult(
    await unpublishPost({ id: input.id, scope }, actorOf(user)),
    "Unpublished; it is a draft again.",
  );
});
