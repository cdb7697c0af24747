"use server";

import { transferOwnership } from "@/db/queries/user-admin";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { actorOf } from "../posts/access";
import { transferOwnershipSchema } from "../validations/user";

// Only the owner: access "owner", and the query checks the actor still is the owner.
export const transferOwnershipAction = mutation(
  { schema: transferOwnershipSchema, access: "owner" },
  async (input, { user }) => {
    const result = await transferOwnership({ ownerId: user.id, toId: input.id }, actorOf(user));
    if (!result.ok) throw new AppError("forbidden", "Ownership can go only to another active staff member.");
    invalidate("users");
    return { ok: true, message: "Ownership transferred. You are now an admin." };
  },
);
