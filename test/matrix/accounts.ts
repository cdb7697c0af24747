import { acceptInviteAction } from "@/lib/actions/accept-invite";
import { changePasswordAction } from "@/lib/actions/change-password";
import { requestPasswordResetAction } from "@/lib/actions/request-password-reset";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { setupSiteAction } from "@/lib/actions/setup-site";
import { signInAction } from "@/lib/actions/sign-in";
import { signOutAction } from "@/lib/actions/sign-out";
import { updateProfileAction } from "@/lib/actions/update-profile";
import { TOKENS } from "../admin-fixture";
import { EVERYONE, type MatrixRow, NOBODY, settle, STAFF } from "../authz-matrix";

// The admin's account menu (one's profile, password, signing out) and the public account
// pages: setting the site up, signing in, resetting a password, accepting an invitation.

const WRONG_LINK_TOKEN = "wrong-link-token-0123456789abcdef";
const password = { password: "a new long password", confirmPassword: "a new long password" };

export const ACCOUNT_ACTIONS: MatrixRow[] = [
  {
    what: "update one's profile",
    entry: updateProfileAction,
    run: () => updateProfileAction(null, { name: "New Name", slug: "new-name", bio: "", avatarUrl: "" }),
    allowed: STAFF,
  },
  {
    what: "change one's password",
    entry: changePasswordAction,
    run: () => changePasswordAction(null, { currentPassword: "the old password", ...password }),
    allowed: STAFF,
  },
  {
    what: "set up the site a second time",
    entry: setupSiteAction,
    run: () =>
      settle(setupSiteAction(null, { siteTitle: "Mine", name: "Mallory", email: "mallory@example.com", ...password })),
    allowed: NOBODY,
  },
  {
    what: "sign in with a wrong password",
    entry: signInAction,
    run: () => settle(signInAction(null, { email: "owner@example.com", password: "wrong" })),
    allowed: NOBODY,
    reads: true,
  },
  {
    what: "sign out",
    entry: signOutAction,
    run: () => signOutAction().then(() => ({ ok: true })),
    allowed: EVERYONE,
    reads: true,
  },
  {
    what: "ask for a password reset",
    entry: requestPasswordResetAction,
    run: () => requestPasswordResetAction(null, { email: "author@example.com" }),
    allowed: EVERYONE,
  },
  {
    what: "reset a password with the emailed link",
    entry: resetPasswordAction,
    run: () => settle(resetPasswordAction(null, { token: TOKENS.reset, ...password })),
    allowed: EVERYONE,
  },
  {
    what: "reset a password with a wrong link",
    entry: resetPasswordAction,
    run: () => settle(resetPasswordAction(null, { token: WRONG_LINK_TOKEN, ...password })),
    allowed: NOBODY,
  },
  {
    what: "accept an invitation with its link",
    entry: acceptInviteAction,
    run: () => settle(acceptInviteAction(null, { token: TOKENS.invite, name: "Ivy Invitee", ...password })),
    allowed: EVERYONE,
  },
  {
    what: "accept an invitation with a wrong link",
    entry: acceptInviteAction,
    run: () => settle(acceptInviteAction(null, { token: WRONG_LINK_TOKEN, name: "Ivy Invitee", ...password })),
    allowed: NOBODY,
  },
];
