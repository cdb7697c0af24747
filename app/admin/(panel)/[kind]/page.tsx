import type { Metadata } from "next";
import Link from "next/link";
import { PostListTable } from "@/components/admin/post-list-table";
import { Button } from "@/components/ui/button";
import { listAuthorsForFilter, listPostsForAdmin } from "@/db/queries/post-admin-list";
import { listTagsForAdmin } from "@/db/queries/tag-admin";
import { POST_STATUSES, type PostStatus } from "@/db/schema";
import { bulkPostsAction } from "@/lib/actions/bulk-posts";
import { kindOf } from "@/lib/admin-kind";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { listScope } from "@/lib/post-access";

export const metadata: Metadata = { title: "Posts · Quire" };

const PER_PAGE = 20;
type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 200) : "");

export default async function PostListPage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string }>;
  searchParams: Promise<Search>;
}) {
  const kind = kindOf((await params).kind);
  const user = await requireStaff(`/admin/${kind.segment}`);
  const search = await searchParams;
  const statusParam = one(search.status);
  const status =
    statusParam === "trash" || POST_STATUSES.includes(statusParam as PostStatus)
      ? (statusParam as PostStatus | "trash")
      : undefined;
  const sort = (["updated", "published", "title"] as const).find((s) => s === one(search.sort)) ?? "updated";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(search.page), 10) || 1));
  const authorId = Number.parseInt(one(search.author), 10) || undefined;
  const filter = { status, authorId, tagSlug: one(search.tag) || undefined, q: one(search.q) || undefined, sort };
  const { rows, total } = listPostsForAdmin({
    type: kind.type,
    scope: listScope(user),
    ...filter,
    page,
    perPage: PER_PAGE,
  });
  const seesAll = hasRole(user, "editor");
  const canPublish = hasRole(user, "author");
  const operations =
    status === "trash"
      ? [
          { value: "restore", label: "Restore" },
          { value: "purge", label: "Delete for good" },
        ]
      : [
          ...(canPublish
            ? [
                { value: "publish", label: "Publish" },
                { value: "unpublish", label: "Unpublish" },
              ]
            : []),
          { value: "trash", label: "Move to trash" },
        ];
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const link = (p: number) =>
    `/admin/${kind.segment}?${new URLSearchParams({
      ...Object.fromEntries(
        Object.entries(filter)
          .filter(([, v]) => v)
          .map(([k, v]) => [k === "tagSlug" ? "tag" : k === "authorId" ? "author" : k, String(v)]),
      ),
      page: String(p),
    })}`;
  const select = "rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900";
  return (
    <>
      <div className="mb-6 flex items-center gap-4">
        <h1 className="text-2xl font-bold">{kind.plural}</h1>
        <Link
          href={`/admin/${kind.segment}/new`}
          className="ml-auto rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white no-underline dark:bg-blue-300 dark:text-zinc-950"
        >
          New {kind.singular}
        </Link>
      </div>
      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-3"
        role="search"
        aria-label={`Filter ${kind.plural.toLowerCase()}`}
      >
        <div className="space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium">
            Search titles
          </label>
          <input id="filter-q" name="q" defaultValue={filter.q} className={select} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-status" className="block text-sm font-medium">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={status ?? ""} className={select}>
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="review">Waiting for review</option>
            <option value="scheduled">Scheduled</option>
            <option value="published">Published</option>
            <option value="trash">Trash</option>
          </select>
        </div>
        {seesAll && (
          <div className="space-y-1">
            <label htmlFor="filter-author" className="block text-sm font-medium">
              Author
            </label>
            <select id="filter-author" name="author" defaultValue={authorId ? String(authorId) : ""} className={select}>
              <option value="">Anyone</option>
              {listAuthorsForFilter().map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="space-y-1">
          <label htmlFor="filter-tag" className="block text-sm font-medium">
            Tag
          </label>
          <select id="filter-tag" name="tag" defaultValue={filter.tagSlug ?? ""} className={select}>
            <option value="">Any</option>
            {listTagsForAdmin().map((tag) => (
              <option key={tag.id} value={tag.slug}>
                {tag.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-sort" className="block text-sm font-medium">
            Sort by
          </label>
          <select id="filter-sort" name="sort" defaultValue={sort} className={select}>
            <option value="updated">Last updated</option>
            <option value="published">Publication date</option>
            <option value="title">Title</option>
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <PostListTable
        base={`/admin/${kind.segment}`}
        action={bulkPostsAction}
        operations={operations}
        rows={rows.map((row) => ({
          id: row.id,
          title: row.title,
          status: row.status,
          authorName: row.authorName,
          trashed: row.deletedAt !== null,
          when: (row.publishedAt ?? row.updatedAt).toISOString().slice(0, 16).replace("T", " ") + " UTC",
        }))}
      />
      <nav aria-label="Pagination" className="mt-4 flex items-center gap-4 text-sm">
        {page > 1 && <Link href={link(page - 1)}>Previous page</Link>}
        <span>
          Page {page} of {pages} ({total} in all)
        </span>
        {page < pages && <Link href={link(page + 1)}>Next page</Link>}
      </nav>
    </>
  );
}
