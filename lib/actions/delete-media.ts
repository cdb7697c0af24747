"use server";

import { z } from "zod";
import { deleteUnusedMedia } from "@/db/queries/media";
import { mutation } from "../action";
import { hasRole } from "../authz";
import { AppError } from "../errors";
import { actorOf } from "../post-access";
import { folderStorage } from "../storage";

const schema = z.object({ id: z.coerce.number().int().positive() });

// Editors delete any unused item; others only what they uploaded. Items in use stay.
export const deleteMediaAction = mutation({ schema, access: "contributor" }, async (input, { user }) => {
  const outcome = deleteUnusedMedia(
    { id: input.id, uploadedBy: hasRole(user, "editor") ? "all" : user.id },
    actorOf(user),
  );
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
