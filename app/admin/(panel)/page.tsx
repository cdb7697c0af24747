import type { Metadata } from "next";
import { countPostsByStatus } from "@/db/queries/posts";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Dashboard · Quire" };

const LABELS = { published: "Published", scheduled: "Scheduled", draft: "Drafts", review: "Waiting for review" } as const;

export default async function DashboardPage() {
  const user = await requireStaff("/admin");
  const counts = countPostsByStatus();
  return (
    <>
      <h1 className="text-2xl font-bold">Dashboard</h1>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">Welcome, {user.name}.</p>
      <section aria-labelledby="counts-heading" className="mt-6">
        <h2 id="counts-heading" className="text-lg font-semibold">
          Content
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-4">
          {Object.entries(LABELS).map(([status, label]) => (
            <div key={status} className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
              <dt className="text-sm text-zinc-700 dark:text-zinc-300">{label}</dt>
              <dd className="text-2xl font-bold">{counts[status as keyof typeof LABELS] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
