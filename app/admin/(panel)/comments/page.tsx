import type { Metadata } from "next";
import Link from "next/link";
import { Pager, listHref } from "@/components/admin/pager";
import { ModerationList } from "@/components/comments/moderation-list";
import { FilterForm } from "@/components/admin/filter-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import {
  countCommentsByStatus,
  listCommentsForModeration,
  listPostsWithComments,
  type ModerationFilters,
} from "@/db/queries/comment-moderation";
import { COMMENT_STATUSES, type CommentStatus } from "@/db/schema/enums";
import { editCommentAction, moderateCommentsAction, staffReplyAction } from "@/lib/actions/moderate-comments";
import { moderationScope } from "@/lib/comments/moderation";
import { requireStaff } from "@/lib/page-guards";
import { commentListSearchSchema, type SearchParams } from "@/lib/validations/admin-lists";

export const metadata: Metadata = { title: "Comments · Quire" };

const PAGE_SIZE = 50;
const LABELS: Record<CommentStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  spam: "Spam",
  trash: "Trash",
};

type Props = { searchParams: Promise<SearchParams> };

export default async function CommentsPage({ searchParams }: Props) {
  const user = await requireStaff("/admin/comments");
  const scope = moderationScope(user);
  if (scope === null)
    return <p role="alert">Contributors cannot moderate comments. Authors moderate comments on their own posts.</p>;

  const { status, post: postId, email, q, page } = commentListSearchSchema.parse(await searchParams);
  const filters: ModerationFilters = { postId, email, q };
  const counts = await countCommentsByStatus({ scope, filters });
  const rows = await listCommentsForModeration({
    scope,
    status,
    filters,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  });
  const posts = await listPostsWithComments({ scope });

  const href = listHref("/admin/comments", { status, post: postId, email, q });

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Comments</h1>
      <nav aria-label="Comment status" className="mb-4 flex flex-wrap gap-2">
        {COMMENT_STATUSES.map((tab) => (
          <Link
            key={tab}
            href={listHref("/admin/comments", { status: tab, post: postId, email, q })(1)}
            aria-current={tab === status ? "page" : undefined}
            className={`rounded-md border px-3 py-1 text-sm no-underline ${tab === status ? "border-blue-700 bg-blue-700 text-white dark:border-blue-300 dark:bg-blue-300 dark:text-zinc-950" : "border-zinc-400"}`}
          >
            {LABELS[tab]} ({counts[tab]})
          </Link>
        ))}
      </nav>
      <FilterForm label="Filter comments" submitLabel="Filter" className="mb-6">
        <input type="hidden" name="status" value={status} />
        <Select
          id="filter-post"
          label="Post"
          name="post"
          defaultValue={postId ?? ""}
          emptyOption="All posts"
          options={posts.map((post) => ({ value: post.id, label: post.title }))}
        />
        <Field id="filter-email" label="Author email" name="email" type="email" defaultValue={email} />
        <Field id="filter-q" label="Search text" name="q" type="search" defaultValue={q} />
        {(postId || email || q) && (
          <Link className="underline" href={listHref("/admin/comments", { status })(1)}>
            Clear filters
          </Link>
        )}
      </FilterForm>
      <ModerationList
        key={`${status}-${page}`}
        status={status}
        comments={rows.slice(0, PAGE_SIZE).map((row) => ({ ...row, createdAt: row.createdAt.getTime() }))}
        actions={{ moderate: moderateCommentsAction, edit: editCommentAction, reply: staffReplyAction }}
        clearFiltersHref={postId || email || q ? listHref("/admin/comments", { status })(1) : undefined}
      />
      <Pager
        page={page}
        hasNext={rows.length > PAGE_SIZE}
        href={href}
        labels={{ previous: "Newer comments", next: "Older comments" }}
      />
    </>
  );
}
