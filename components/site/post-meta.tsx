import { formatDate } from "@/lib/utils/dates";

/** "Ada Lovelace · 3 March 2026 · 4 min read", the date in the site's timezone. */
export function PostMeta({
  author,
  date,
  minutes,
  timeZone,
}: {
  author: { name: string; slug: string };
  date: Date | null;
  minutes: number;
  timeZone: string;
}) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      <a href={`/author/${author.slug}`} className="text-inherit underline decoration-zinc-400 dark:text-inherit">
        {author.name}
      </a>
      {date && (
        <>
          {" · "}
          <time dateTime={date.toISOString()}>{formatDate(date, timeZone)}</time>
        </>
      )}
      {` · ${minutes} min read`}
    </p>
  );
}
