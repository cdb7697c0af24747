import type { Metadata } from "next";
import Link from "next/link";
import { PostListTable } from "@/components/admin/post-list-table";
import { Pager, listHref, pageCount } from "@/components/admin/pager";
import { POST_STATUS_LABEL } from "@/components/admin/post-status-labels";
import { FilterForm } from "@/components/admin/filter-form";
import { RelativeTime } from "@/components/ui/relative-time";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { viewsByPath } from "@/db/queries/analytics";
import { listAuthorsForFilter, listPostsForAdmin } from "@/db/queries/post-admin-list";
import { listTagsForAdmin } from "@/db/queries/tag-admin";
import { bulkPostsAction } from "@/lib/actions/bulk-posts";
import { smallestCopyOf } from "@/lib/markdown/media-srcset";
import { kindOf } from "@/lib/posts/admin-kind";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { listScope } from "@/lib/posts/access";
import { postListSearchSchema, type SearchParams } from "@/lib/validations/admin-lists";

export const metadata: Metadata = { title: "Posts · Quire" };

const PER_PAGE = 20;
const STATUS_OPTIONS = [
  ...Object.entries(POST_STATUS_LABEL).map(([value, label]) => ({ value, label })),
  { value: "trash", label: "Trash" },
];
const SORT_OPTIONS = [
  { value: "updated", label: "Last updated" },
  { value: "published", label: "Publication date" },
  { value: "title", label: "Title" },
];

export default async function PostListPage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const kind = kindOf((await params).kind);
  const user = await requireStaff(`/admin/${kind.segment}`);
  const { status, author, tag, q, sort, page } = postListSearchSchema.parse(await searchParams);
  const filter = { status, authorId: author, tagSlug: tag, q, sort };
  const { rows, total } = await listPostsForAdmin({
    type: kind.type,
    scope: listScope(user),
    ...filter,
    page,
    perPage: PER_PAGE,
  });
  const pages = pageCount(total, PER_PAGE);
  const filtered = Boolean(status || author || tag || q);
  const seesAll = hasRole(user, "editor");
  // Reader views over the kept days, for those who see the analytics (owner, administrators).
  const views = hasRole(user, "admin") ? await viewsByPath(rows.map((row) => `/${row.slug}`)) : null;
  const authors = seesAll ? await listAuthorsForFilter() : [];
  const knownTags = await listTagsForAdmin();
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
      <FilterForm label={`Filter ${kind.plural.toLowerCase()}`} submitLabel="Filter" className="mb-6">
        <Field id="filter-q" label="Search titles" name="q" defaultValue={q} />
        <Select
          id="filter-status"
          label="Status"
          name="status"
          defaultValue={status ?? ""}
          emptyOption="Any"
          options={STATUS_OPTIONS}
        />
        {seesAll && (
          <Select
            id="filter-author"
            label="Author"
            name="author"
            defaultValue={author ? String(author) : ""}
            emptyOption="Anyone"
            options={authors.map((person) => ({ value: person.id, label: person.name }))}
          />
        )}
        <Select
          id="filter-tag"
          label="Tag"
          name="tag"
          defaultValue={tag ?? ""}
          emptyOption="Any"
          options={knownTags.map((known) => ({ value: known.slug, label: known.name }))}
        />
        <Select id="filter-sort" label="Sort by" name="sort" defaultValue={sort} options={SORT_OPTIONS} />
      </FilterForm>
      <PostListTable
        base={`/admin/${kind.segment}`}
        action={bulkPostsAction}
        operations={operations}
        empty={
          filtered ? (
            <>
              No {kind.plural.toLowerCase()} match these filters.{" "}
              <Link className="underline" href={`/admin/${kind.segment}`}>
                Clear filters
              </Link>{" "}
              to see every {kind.singular}.
            </>
          ) : (
            <>
              No {kind.plural.toLowerCase()} yet.{" "}
              <Link className="underline" href={`/admin/${kind.segment}/new`}>
                Write the first one
              </Link>
              .
            </>
          )
        }
        rows={rows.map((row) => ({
          id: row.id,
          title: row.title,
          thumbnail: row.featureImage ? smallestCopyOf(row.featureImage) : null,
          status: row.status,
          authorName: row.authorName,
          views: views ? (views.get(`/${row.slug}`) ?? 0) : undefined,
          trashed: row.deletedAt !== null,
          when: <RelativeTime date={row.publishedAt ?? row.updatedAt} />,
        }))}
      />
      <Pager
        page={page}
        pages={pages}
        note={`(${total} in all)`}
        href={listHref(`/admin/${kind.segment}`, { status, author, tag, q, sort })}
      />
    </>
  );
}
