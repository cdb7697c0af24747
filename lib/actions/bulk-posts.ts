"use server";

import { bulkPosts } from "@/db/queries/post-workflow";
import { mutation } from "../action";
import { actorOf, deleteScope, publishScope } from "../posts/access";
import { forbidden } from "../posts/status";
import { afterPostsChanged } from "../posts/publishing";
import { bulkPostsSchema } from "../validations/post";

const DONE = {
  publish: "published",
  unpublish: "unpublished",
  trash: "moved to the trash",
  restore: "restored",
  purge: "deleted for good",
};

// Each selected post is changed only where the role reaches it; the rest are counted as skipped.
export const bulkPostsAction = mutation({ schema: bulkPostsSchema, access: "contributor" }, async (input, { user }) => {
  const publishing = input.operation === "publish" || input.operation === "unpublish";
  const scope = publishing ? publishScope(user) : deleteScope(user);
  if (!scope) return forbidden();
  const changed = await bulkPosts({ operation: input.operation, ids: input.ids, scope }, actorOf(user));
  await afterPostsChanged(changed);
  const skipped = input.ids.length - changed.length;
  const message = `${changed.length} ${changed.length === 1 ? "item" : "items"} ${DONE[input.operation]}.${skipped ? ` ${skipped} skipped (not allowed or not applicable).` : ""}`;
  return { ok: true, message };
});
