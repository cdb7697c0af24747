"use server";

import { updateProfile } from "@/db/queries/user-admin";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { actorOf } from "../posts/access";
import { profileSchema } from "../validations/user";

// One's own profile only: the id comes from the session, never from the form.
export const updateProfileAction = mutation(
  { schema: profileSchema, access: "contributor" },
  async (input, { user }) => {
    const result = await updateProfile({ id: user.id, ...input }, actorOf(user));
    if (!result.ok)
      throw new AppError("invalid_input", undefined, { slug: ["Another staff member already uses this slug."] });
    invalidate("users");
    return { ok: true, message: "Profile saved." };
  },
);
