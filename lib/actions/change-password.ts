"use server";

import { changeOwnPassword, getPasswordHash } from "@/db/queries/user-admin";
import { mutation } from "../action";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "../users/password";
import { actorOf } from "../posts/access";
import { changePasswordSchema } from "../validations/user";

export const changePasswordAction = mutation(
  { schema: changePasswordSchema, access: "contributor" },
  async (input, { user }) => {
    if (!(await verifyPassword(await getPasswordHash({ id: user.id }), input.currentPassword))) {
      throw new AppError("invalid_input", undefined, { currentPassword: ["That is not your current password."] });
    }
    await changeOwnPassword({ id: user.id, passwordHash: await hashPassword(input.password) }, actorOf(user));
    return { ok: true, message: "Password changed. Every session has ended: sign in again with the new password." };
  },
);
