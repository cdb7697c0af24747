"use server";

import { mutation } from "../action";
import { clientAddress } from "../comments/request";
import { submitComment } from "../comments/submit";
import { postCommentSchema } from "../validations/comment";

/** The comment form without JavaScript (a plain POST); with JavaScript it sends the same fields to POST /api/comments. */
export const postCommentAction = mutation(
  { schema: postCommentSchema, access: "public" },
  async (input, { user }) => (await submitComment(input, user, await clientAddress())).result,
);
