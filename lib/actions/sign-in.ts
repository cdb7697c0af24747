"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { mutation } from "../action";
import { signIn } from "../auth";
import { AppError } from "../errors";
import { safeRedirectPath } from "../safe-redirect";
import { signInSchema } from "../validations/auth";

export const signInAction = mutation({ schema: signInSchema, access: "public" }, async (input) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    // One message for an unknown email, a wrong password and a suspended account.
    if (error instanceof AuthError) throw new AppError("invalid_credentials");
    throw error;
  }
  redirect(safeRedirectPath(input.callbackUrl));
});
