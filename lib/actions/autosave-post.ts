"use server";

import { autosavePost } from "@/db/queries/post-editor";
import { mutation } from "../action";
import { AppError } from "../errors";
import { editScope } from "../posts/access";
import { autosaveSchema } from "../validations/post";

// A revision only: a published body changes when its author saves or publishes, never by autosave.
export const autosavePostAction = mutation(
  { schema: autosaveSchema, access: "contributor" },
  async (input, { user }) => {
    const saved = await autosavePost({ ...input, scope: editScope(user), authorId: user.id });
    if (!saved) throw new AppError("not_found", "This post does not exist or you may not edit it.");
    return { ok: true, message: `Autosaved at ${new Date().toISOString().slice(11, 19)} UTC.` };
  },
);
