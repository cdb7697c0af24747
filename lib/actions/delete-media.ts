"use server";

import { z } from "zod";
import { deleteUnusedMedia } from "@/db/queries/media";
import { mutation } from "../action";
import { minimumRole, ownershipScope } from "../authz";
import { AppError } from "../errors";
import { actorOf } from "../posts/access";
import { folderStorage } from "../media/storage";

const schema = z.object({ id: z.coerce.number().int().positive() });

// Editors delete any unused item; others only what they uploaded. Items in use stay.
export const deleteMediaAction = mutation({ schema, access: minimumRole("media.delete") }, async (input, { user }) => {
  const uploadedBy = ownershipScope(user, "media.delete");
  if (uploadedBy === null) throw new AppError("forbidden");
  const outcome = await deleteUnusedMedia({ id: input.id, uploadedBy }, actorOf(user));
  if (!outcome.ok) {
    throw new AppError(
      outcome.reason === "in_use" ? "conflict" : "not_found",
      outcome.reason === "in_use"
        ? "This image is used by a post; remove it there first."
        : "That file no longer exists, or you may not delete it.",
    );
  }
  const storage = folderStorage();
  await Promise.all(outcome.keys.map((key) => storage.remove(key)));
  return { ok: true, message: "Deleted." };
});
