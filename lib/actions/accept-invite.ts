"use server";

import { redirect } from "next/navigation";
import { acceptInvite } from "@/db/queries/user-tokens";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { hashPassword } from "../users/password";
import { slugify } from "../posts/slug";
import { throttledTokenUse } from "../security/throttle";
import { hashToken } from "../users/link-tokens";
import { acceptInviteSchema } from "../validations/user";

// Public: the token in the link is the credential. Used once, within 7 days.
export const acceptInviteAction = mutation({ schema: acceptInviteSchema, access: "public" }, async (input) => {
  const accepted = await throttledTokenUse(async () => {
    const passwordHash = await hashPassword(input.password);
    return !!(await acceptInvite({
      tokenHash: hashToken(input.token),
      name: input.name,
      passwordHash,
      slugBase: slugify(input.name),
    }));
  });
  if (accepted === "wait")
    throw new AppError("forbidden", "Too many attempts from your network. Please wait a minute and try again.");
  if (!accepted) throw new AppError("not_found", "This invitation has expired or was already used. Ask for a new one.");
  invalidate("users");
  redirect("/admin/login?welcome=1");
});
