"use server";

import { createResetToken } from "@/db/queries/user-tokens";
import { mutation } from "../action";
import { trySendEmail } from "../email/send";
import { siteUrl } from "../env";
import { mayRequestReset } from "../security/throttle";
import { newToken, RESET_TTL_MS } from "../users/link-tokens";
import { requestResetSchema } from "../validations/user";

const SAME_ANSWER =
  "If that address belongs to a staff account, a reset link is on its way. It works once, for one hour.";

// The same answer whether or not the address exists, so it reveals no accounts.
export const requestPasswordResetAction = mutation({ schema: requestResetSchema, access: "public" }, async (input) => {
  // Counted for unknown addresses too, so the limit reveals no accounts either.
  if (!(await mayRequestReset(input.email))) {
    return { ok: false, error: "Too many reset requests for now. Please wait an hour and try again." };
  }
  const { token, hash } = newToken();
  const user = await createResetToken({
    email: input.email,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + RESET_TTL_MS),
  });
  if (user) {
    await trySendEmail({
      to: input.email,
      subject: "Reset your password",
      text: `Someone asked to reset the password of ${input.email}. If it was you, open this link within an hour:\n${siteUrl()}/admin/reset-password/${token}\n\nIf not, ignore this message.`,
    });
  }
  return { ok: true, message: SAME_ANSWER };
});
