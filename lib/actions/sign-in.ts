"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { mutation } from "../action";
import { signIn } from "../auth";
import { AppError } from "../errors";
import { safeRedirectPath } from "../security/safe-redirect";
import { throttledSignIn } from "../security/throttle";
import { signInSchema } from "../validations/auth";

export const signInAction = mutation({ schema: signInSchema, access: "public" }, async (input) => {
  const ok = await throttledSignIn(input.email, async () => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      return true;
    } catch (error) {
      if (error instanceof AuthError) return false;
      throw error;
    }
  });
  // One message for an unknown email, a wrong password, a suspended account and a
  // brute-force wait: none of them tells a guesser anything.
  if (!ok) throw new AppError("invalid_credentials");
  redirect(safeRedirectPath(input.callbackUrl));
});
