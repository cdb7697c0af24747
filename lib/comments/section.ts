import "server-only";
import { getPostForCommenting, listApprovedComments } from "@/db/queries/comments";
import { getSettings } from "@/db/queries/settings";
import { deleteOwnCommentAction, editOwnCommentAction, lookupOwnCommentsAction } from "../actions/own-comment";
import { postCommentAction } from "../actions/post-comment";
import { commentsClosed } from "./policy";
import { issueFormToken } from "./tokens";

/** Everything the post page's comment section shows, or null for pages and unknown posts. */
export async function loadCommentSection({ postId }: { postId: number }) {
  const post = await getPostForCommenting({ postId });
  if (!post) return null;
  const settings = await getSettings();
  return {
    postId: post.id,
    feedUrl: `/${post.slug}/comments.xml`,
    closed: commentsClosed(post, settings.commentCloseAfterDays),
    comments: await listApprovedComments({ postId: post.id }),
    timezone: settings.timezone,
    issued: issueFormToken(),
    actions: {
      post: postCommentAction,
      edit: editOwnCommentAction,
      remove: deleteOwnCommentAction,
      lookup: lookupOwnCommentsAction,
    },
  };
}

export type CommentSectionData = NonNullable<Awaited<ReturnType<typeof loadCommentSection>>>;
