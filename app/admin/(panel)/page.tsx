import type { Metadata } from "next";
import Link from "next/link";
import { countPendingComments } from "@/db/queries/dashboard";
import { listRecentByStatus } from "@/db/queries/post-admin-list";
import { countPostsByStatus } from "@/db/queries/posts";
import type { PostStatus } from "@/db/schema";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { listScope } from "@/lib/post-access";

export const metadata: Metadata = { title: "Dashboard · Quire" };

const LABELS = {
  published: "Published",
  scheduled: "Scheduled",
  draft: "Drafts",
  review: "Waiting for review",
} as const;
const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "");

export default async function DashboardPage() {
  const user = await requireStaff("/admin");
  const counts = countPostsByStatus();
  const scope = listScope(user);
  const pending = countPendingComments(scope);
  const section = (status: PostStatus, heading: string) => {
    const rows = listRecentByStatus({ status, scope, limit: 5 });
    return (
      <section
        aria-labelledby={`${status}-heading`}
        className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id={`${status}-heading`} className="text-lg font-semibold">
          {heading}
        </h2>
        {rows.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">None.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {rows.map((row) => (
              <li key={row.id}>
                <Link href={`/admin/${row.type}s/${row.id}`}>{row.title || "(untitled)"}</Link>{" "}
                <span className="text-zinc-700 dark:text-zinc-300">
                  {row.authorName} · {when(status === "draft" || status === "review" ? row.updatedAt : row.publishedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href={`/admin/posts?status=${status}`}>All {heading.toLowerCase()}</Link>
        </p>
      </section>
    );
  };
  return (
    <>
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <Link
          href="/admin/posts/new"
          className="ml-auto rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white no-underline dark:bg-blue-300 dark:text-zinc-950"
        >
          New post
        </Link>
      </div>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">Welcome, {user.name}.</p>
      <section aria-labelledby="counts-heading" className="mt-6">
        <h2 id="counts-heading" className="text-lg font-semibold">
          Content
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-5">
          {Object.entries(LABELS).map(([status, label]) => (
            <div
              key={status}
              className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <dt className="text-sm text-zinc-700 dark:text-zinc-300">{label}</dt>
              <dd className="text-2xl font-bold">{counts[status as keyof typeof LABELS] ?? 0}</dd>
            </div>
          ))}
          <div className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <dt className="text-sm text-zinc-700 dark:text-zinc-300">Comments waiting</dt>
            <dd className="text-2xl font-bold">
              <Link href="/admin/comments?status=pending">{pending}</Link>
            </dd>
          </div>
        </dl>
      </section>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {hasRole(user, "editor") && section("review", "Waiting for review")}
        {section("draft", "Drafts")}
        {section("scheduled", "Scheduled")}
        {section("published", "Recently published")}
      </div>
    </>
  );
}
