import type { FormAction } from "@/lib/utils/action-result";
import {
  buildThread,
  commentCountLabel,
  type OwnComment,
  type PostedComment,
  safeWebsite,
  type ThreadComment,
  type ThreadNode,
} from "@/lib/utils/comment-thread";
import type { ActionResult } from "@/lib/utils/action-result";
import { CommentForm } from "./comment-form";
import { CommentScript } from "./comment-script";
import { OwnComments } from "./own-comments";
import { ReplyToggle } from "./reply-toggle";
import { ThreadOrder } from "./thread-order";

type Action<T = undefined> = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<T>>;

export type CommentSectionProps = {
  data: {
    postId: number;
    feedUrl: string;
    closed: boolean;
    comments: ThreadComment[];
    timezone: string;
    issued: string;
    actions: {
      post: FormAction<PostedComment>;
      edit: Action<{ html: string; status: string }>;
      remove: Action;
      lookup: Action<OwnComment[]>;
    };
  } | null;
};

/**
 * The thread and the form under a post, server-rendered and working without JavaScript.
 * The forms are client components for pages that hydrate; reader pages ship no runtime
 * and are enhanced by public/comments.js instead (CommentScript).
 */
export function CommentSection({ data }: CommentSectionProps) {
  if (!data) return null;
  const thread = buildThread(data.comments);
  const format = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: safeZone(data.timezone),
  });
  const context = { data, format };
  return (
    <section
      id="comments"
      data-post-id={data.postId}
      aria-labelledby="comments-heading"
      className="mt-12 border-t border-zinc-300 pt-8 dark:border-zinc-700"
    >
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="comments-heading" className="text-2xl font-bold">
          {commentCountLabel(data.comments.length)}
        </h2>
        <a href={data.feedUrl} className="text-sm">
          Comments feed (RSS)
        </a>
      </div>
      {thread.length > 0 && (
        <ThreadOrder
          items={thread.map((node) => (
            <CommentItem key={node.id} node={node} context={context} />
          ))}
        />
      )}
      <OwnComments
        postId={data.postId}
        lookup={data.actions.lookup}
        edit={data.actions.edit}
        remove={data.actions.remove}
      />
      {data.closed ? (
        <p className="mt-8 font-medium">Comments are closed.</p>
      ) : (
        <div id="comment-form" className="relative mt-8">
          <h3 className="mb-4 text-xl font-semibold">Leave a comment</h3>
          <CommentForm
            postId={data.postId}
            issued={data.issued}
            action={data.actions.post}
            offerReplies={thread.length > 0}
          />
        </div>
      )}
      <CommentScript />
    </section>
  );
}

function safeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

type Context = { data: NonNullable<CommentSectionProps["data"]>; format: Intl.DateTimeFormat };

function CommentItem({ node, context }: { node: ThreadNode; context: Context }) {
  const website = safeWebsite(node.authorUrl);
  return (
    <li>
      <article id={`comment-${node.id}`} aria-label={`Comment by ${node.authorName}`} className="scroll-mt-8">
        <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-semibold">
            {website ? (
              <a href={website} rel="nofollow ugc noopener">
                {node.authorName}
              </a>
            ) : (
              node.authorName
            )}
          </span>
          {node.staff && (
            <span className="rounded bg-blue-100 px-1.5 text-xs font-semibold text-blue-900 dark:bg-blue-900 dark:text-blue-100">
              Staff
            </span>
          )}
          <a href={`#comment-${node.id}`} className="text-zinc-700 dark:text-zinc-300">
            <time dateTime={node.createdAt.toISOString()}>{context.format.format(node.createdAt)}</time>
          </a>
          {node.replyTo && (
            <span className="text-zinc-700 dark:text-zinc-300">
              in reply to <a href={`#comment-${node.replyTo.id}`}>{node.replyTo.authorName}</a>
            </span>
          )}
        </header>
        {/* Sanitised by lib/comments/render when the comment was saved. */}
        <div
          className="prose prose-zinc mt-1 max-w-none dark:prose-invert"
          dangerouslySetInnerHTML={{ __html: node.html }}
        />
        {!context.data.closed && (
          <ReplyToggle
            postId={context.data.postId}
            parentId={node.id}
            name={node.authorName}
            issued={context.data.issued}
            action={context.data.actions.post}
          />
        )}
      </article>
      {node.replies.length > 0 && (
        <ol className="mt-4 space-y-4 border-l-2 border-zinc-200 pl-4 dark:border-zinc-800">
          {node.replies.map((reply) => (
            <CommentItem key={reply.id} node={reply} context={context} />
          ))}
        </ol>
      )}
    </li>
  );
}
