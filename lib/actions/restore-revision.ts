"use server";

import { getRevision, restoreRevision } from "@/db/queries/post-editor";
import { mutation } from "../action";
import { AppError } from "../errors";
import { renderPostMarkdown } from "../markdown/render";
import { actorOf, editScope } from "../posts/access";
import { afterPostsChanged } from "../posts/publishing";
import { restoreRevisionSchema } from "../validations/post";

export const restoreRevisionAction = mutation(
  { schema: restoreRevisionSchema, access: "contributor" },
  async (input, { user }) => {
    const scope = editScope(user);
    const revision = await getRevision({ postId: input.postId, revisionId: input.revisionId, scope });
    if (!revision) throw new AppError("not_found", "That revision does not exist or you may not restore it.");
    const rendered = {
      title: revision.title,
      markdown: revision.markdown,
      ...(await renderPostMarkdown(revision.markdown)),
    };
    const restored = await restoreRevision(
      { postId: input.postId, scope, revisionId: revision.id, rendered },
      actorOf(user),
    );
    if (!restored) throw new AppError("not_found", "This post does not exist or you may not edit it.");
    await afterPostsChanged([{ id: input.postId, slug: "", type: "post", tagSlugs: restored.tagSlugs }]);
    return { ok: true, message: "Revision restored.", data: { version: restored.version } };
  },
);
