import { formatDate } from "@/lib/utils/dates";

/**
 * "Ada Lovelace · 3 March 2026 · 4 min read", the date in the site's timezone. The name
 * links to the author's page when there is one to link to (the staff preview has no slug).
 */
export function PostMeta({
  author,
  date,
  minutes,
  timeZone,
}: {
  author: { name: string; slug?: string };
  date: Date | null;
  minutes: number;
  timeZone: string;
}) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      {author.slug ? (
        <a href={`/author/${author.slug}`} className="text-inherit underline decoration-zinc-400 dark:text-inherit">
          {author.name}
        </a>
      ) : (
        <span className="underline decoration-zinc-400">{author.name}</span>
      )}
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
