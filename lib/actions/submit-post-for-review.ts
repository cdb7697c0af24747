"use server";

import { submitForReview } from "@/db/queries/post-workflow";
import { mutation } from "../action";
import { actorOf, editScope } from "../posts/access";
import { statusResult } from "../posts/status";
import { postIdSchema } from "../validations/post";

export const submitPostForReviewAction = mutation(
  { schema: postIdSchema, access: "contributor" },
  async (input, { user }) => {
    return await statusResult(
      await submitForReview({ id: input.id, scope: editScope(user) }, actorOf(user)),
      "Submitted for review. An editor will publish it.",
    );
  },
);
