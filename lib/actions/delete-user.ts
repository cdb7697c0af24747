"use server";

import { deleteUserReassigning } from "@/db/queries/user-admin";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { actorOf } from "../posts/access";
import { deleteUserSchema } from "../validations/user";

export const deleteUserAction = mutation({ schema: deleteUserSchema, access: "admin" }, async (input, { user }) => {
  const result = await deleteUserReassigning(
    { id: input.id, reassignTo: input.reassignTo, actorId: user.id },
    actorOf(user),
  );
  if (!result.ok) {
    if (result.reason === "invalid")
      throw new AppError("invalid_input", undefined, { reassignTo: ["Choose someone else to receive the posts."] });
    throw new AppError("forbidden", "You cannot delete this person.");
  }
  invalidate("users", "posts");
  return { ok: true, message: "Deleted; their posts now belong to the person you chose." };
});
