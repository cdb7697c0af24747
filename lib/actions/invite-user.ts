"use server";

import { createInvite } from "@/db/queries/user-tokens";
import { mutation } from "../action";
import { AppError } from "../errors";
import { trySendEmail } from "../email/send";
import { siteUrl } from "../env";
import { actorOf } from "../posts/access";
import { maySendInvite } from "../security/throttle";
import { INVITE_TTL_MS, newToken } from "../users/link-tokens";
import { inviteSchema } from "../validations/user";

// Admins and the owner invite; the link works for 7 days. Without SMTP the link is shown to copy.
export const inviteUserAction = mutation({ schema: inviteSchema, access: "admin" }, async (input, { user }) => {
  if (!(await maySendInvite(user.id)))
    throw new AppError("forbidden", "You have sent many invitations this hour. Please wait before sending more.");
  const { token, hash } = newToken();
  const created = await createInvite(
    {
      email: input.email,
      role: input.role,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      createdBy: user.id,
    },
    actorOf(user),
  );
  if (!created.ok)
    throw new AppError("invalid_input", undefined, { email: ["Someone on the staff already uses this address."] });
  const link = `${siteUrl()}/admin/invite/${token}`;
  const { delivered } = await trySendEmail({
    to: input.email,
    subject: "You are invited to write with us",
    text: `${user.name} invited you to join as ${input.role}.\n\nAccept within 7 days: ${link}\n`,
  });
  return delivered
    ? { ok: true, message: `Invitation sent to ${input.email}.` }
    : {
        ok: true,
        message: `No email is configured, so copy this invite link to ${input.email} yourself (valid 7 days).`,
        data: { link },
      };
});
