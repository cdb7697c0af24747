import type { Metadata } from "next";
import Link from "next/link";
import { ModerationList } from "@/components/comments/moderation-list";
import {
  countCommentsByStatus,
  listCommentsForModeration,
  listPostsWithComments,
  type ModerationFilters,
} from "@/db/queries/comment-moderation";
import { COMMENT_STATUSES, type CommentStatus } from "@/db/schema";
import { editCommentAction, moderateCommentsAction, staffReplyAction } from "@/lib/actions/moderate-comments";
import { moderationScope } from "@/lib/comments/moderation";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Comments · Quire" };

const PAGE_SIZE = 50;
const LABELS: Record<CommentStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  spam: "Spam",
  trash: "Trash",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim().slice(0, 200) : "");

export default async function CommentsPage({ searchParams }: Props) {
  const user = await requireStaff("/admin/comments");
  const scope = moderationScope(user);
  if (scope === null)
    return <p role="alert">Contributors cannot moderate comments. Authors moderate comments on their own posts.</p>;

  const params = await searchParams;
  const status = (COMMENT_STATUSES as readonly string[]).includes(one(params.status))
    ? (one(params.status) as CommentStatus)
    : "pending";
  const postId = Number(one(params.post)) || undefined;
  const filters: ModerationFilters = { postId, email: one(params.email) || undefined, q: one(params.q) || undefined };
  const page = Math.max(1, Math.min(Number(one(params.page)) || 1, 1000));
  const counts = countCommentsByStatus({ scope, filters });
  const rows = listCommentsForModeration({
    scope,
    status,
    filters,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  });
  const posts = listPostsWithComments({ scope });

  const query = (extra: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ status, post: postId, email: filters.email, q: filters.q, ...extra }))
      if (value) search.set(key, String(value));
    return `/admin/comments?${search}`;
  };

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Comments</h1>
      <nav aria-label="Comment status" className="mb-4 flex flex-wrap gap-2">
        {COMMENT_STATUSES.map((tab) => (
          <Link
            key={tab}
            href={query({ status: tab, page: undefined })}
            aria-current={tab === status ? "page" : undefined}
            className={`rounded-md border px-3 py-1 text-sm no-underline ${tab === status ? "border-blue-700 bg-blue-700 text-white dark:border-blue-300 dark:bg-blue-300 dark:text-zinc-950" : "border-zinc-400"}`}
          >
            {LABELS[tab]} ({counts[tab]})
          </Link>
        ))}
      </nav>
      <form method="get" action="/admin/comments" className="mb-6 flex flex-wrap items-end gap-3 text-sm">
        <input type="hidden" name="status" value={status} />
        <div>
          <label htmlFor="filter-post" className="block font-medium">
            Post
          </label>
          <select
            id="filter-post"
            name="post"
            defaultValue={postId ?? ""}
            className="rounded-md border border-zinc-400 bg-white px-2 py-1 dark:bg-zinc-900"
          >
            <option value="">All posts</option>
            {posts.map((post) => (
              <option key={post.id} value={post.id}>
                {post.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-email" className="block font-medium">
            Author email
          </label>
          <input
            id="filter-email"
            name="email"
            type="email"
            defaultValue={filters.email ?? ""}
            className="rounded-md border border-zinc-400 bg-white px-2 py-1 dark:bg-zinc-900"
          />
        </div>
        <div>
          <label htmlFor="filter-q" className="block font-medium">
            Search text
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className="rounded-md border border-zinc-400 bg-white px-2 py-1 dark:bg-zinc-900"
          />
        </div>
        <button type="submit" className="rounded-md border border-zinc-400 px-3 py-1 font-semibold">
          Filter
        </button>
        {(filters.postId || filters.email || filters.q) && (
          <Link href={`/admin/comments?status=${status}`}>Clear filters</Link>
        )}
      </form>
      <ModerationList
        key={`${status}-${page}`}
        status={status}
        comments={rows.slice(0, PAGE_SIZE).map((row) => ({ ...row, createdAt: row.createdAt.getTime() }))}
        actions={{ moderate: moderateCommentsAction, edit: editCommentAction, reply: staffReplyAction }}
      />
      <nav aria-label="Pages" className="mt-6 flex gap-4 text-sm">
        {page > 1 && <Link href={query({ page: page - 1 })}>Newer comments</Link>}
        {rows.length > PAGE_SIZE && <Link href={query({ page: page + 1 })}>Older comments</Link>}
      </nav>
    </>
  );
}
