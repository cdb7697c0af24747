"use server";

import { redirect } from "next/navigation";
import { spendResetToken } from "@/db/queries/user-tokens";
import { mutation } from "../action";
import { AppError } from "../errors";
import { hashPassword } from "../users/password";
import { throttledTokenUse } from "../security/throttle";
import { hashToken } from "../users/link-tokens";
import { resetPasswordSchema } from "../validations/user";

const TOO_MANY = "Too many attempts from your network. Please wait a minute and try again.";

export const resetPasswordAction = mutation({ schema: resetPasswordSchema, access: "public" }, async (input) => {
  const spent = await throttledTokenUse(async () =>
    spendResetToken({ tokenHash: hashToken(input.token), passwordHash: await hashPassword(input.password) }),
  );
  if (spent === "wait") throw new AppError("forbidden", TOO_MANY);
  if (!spent) {
    throw new AppError("not_found", "This reset link has expired or was already used. Ask for a new one.");
  }
  redirect("/admin/login?reset=1");
});
