"use server";

import { changeUserRole } from "@/db/queries/user-admin";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { actorOf } from "../posts/access";
import { changeRoleSchema } from "../validations/user";

// Never the owner, never oneself; the owner role is not on offer (ownership moves by transfer).
export const changeUserRoleAction = mutation({ schema: changeRoleSchema, access: "admin" }, async (input, { user }) => {
  const result = await changeUserRole({ id: input.id, role: input.role, actorId: user.id }, actorOf(user));
  if (!result.ok) throw new AppError("forbidden", "You cannot change this person's role.");
  invalidate("users");
  return { ok: true, message: "Role changed." };
});
