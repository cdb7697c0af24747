"use server";

import { setUserSuspended } from "@/db/queries/user-admin";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { actorOf } from "../posts/access";
import { suspendSchema } from "../validations/user";

export const suspendUserAction = mutation({ schema: suspendSchema, access: "admin" }, async (input, { user }) => {
  const result = await setUserSuspended({ id: input.id, suspended: input.suspended, actorId: user.id }, actorOf(user));
  if (!result.ok) throw new AppError("forbidden", "You cannot suspend this person.");
  invalidate("users");
  return { ok: true, message: input.suspended ? "Suspended: their sessions have ended." : "Reinstated." };
});
