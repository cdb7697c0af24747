import type { Metadata } from "next";
import { connection } from "next/server";
import { listArchive } from "@/db/queries/post-lists";
import { formatDate, yearAndMonth } from "@/lib/utils/dates";
import { siteSettings } from "@/lib/site/reader";
import { listMetadata } from "@/lib/site/seo";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { title } = await siteSettings();
  return listMetadata({
    title: "Archive",
    description: `Every post on ${title}, by month.`,
    path: "/archive",
    siteTitle: title,
  });
}

type Month = { key: string; month: string; posts: Awaited<ReturnType<typeof listArchive>> };

/** Every published post, grouped by year and month in the site's timezone. */
export default async function ArchivePage() {
  await connection();
  const { timezone } = await siteSettings();
  const years: { year: string; months: Month[] }[] = [];
  for (const post of await listArchive()) {
    if (!post.publishedAt) continue;
    const { year, month } = yearAndMonth(post.publishedAt, timezone);
    if (years.at(-1)?.year !== year) years.push({ year, months: [] });
    const months = years.at(-1)!.months;
    if (months.at(-1)?.month !== month) months.push({ key: `${year}-${month}`, month, posts: [] });
    months.at(-1)!.posts.push(post);
  }
  return (
    <>
      <h1 className="mb-8 text-4xl font-bold tracking-tight">Archive</h1>
      {years.length === 0 && <p>Nothing published yet.</p>}
      {years.map(({ year, months }) => (
        <section key={year} aria-labelledby={`year-${year}`} className="mb-10">
          <h2 id={`year-${year}`} className="text-2xl font-bold">
            {year}
          </h2>
          {months.map(({ key, month, posts }) => (
            <section key={key} aria-labelledby={`month-${key}`} className="mt-4">
              <h3 id={`month-${key}`} className="text-lg font-semibold">
                {month} {year}
              </h3>
              <ul className="mt-2 space-y-1">
                {posts.map((post) => (
                  <li key={post.id} className="flex flex-wrap gap-x-3">
                    <time
                      dateTime={post.publishedAt!.toISOString()}
                      className="w-32 shrink-0 text-sm text-zinc-700 tabular-nums dark:text-zinc-300"
                    >
                      {formatDate(post.publishedAt!, timezone)}
                    </time>
                    <a href={`/${post.slug}`}>{post.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
