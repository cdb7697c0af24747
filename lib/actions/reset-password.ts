"use server";

import { redirect } from "next/navigation";
import { spendResetToken } from "@/db/queries/user-tokens";
import { mutation } from "../action";
import { AppError } from "../errors";
import { hashPassword } from "../password";
import { hashToken } from "../tokens";
import { resetPasswordSchema } from "../validations/user";

export const resetPasswordAction = mutation({ schema: resetPasswordSchema, access: "public" }, async (input) => {
  const passwordHash = await hashPassword(input.password);
  if (!spendResetToken({ tokenHash: hashToken(input.token), passwordHash })) {
    throw new AppError("not_found", "This reset link has expired or was already used. Ask for a new one.");
  }
  redirect("/admin/login?reset=1");
});
