/** "Ada Lovelace · 3 March 2026 · 4 min read" */
export function PostMeta({ author, date, minutes }: { author: string; date: Date | null; minutes: number }) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      {author}
      {date && (
        <>
          {" · "}
          <time dateTime={date.toISOString()}>
            {date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}
          </time>
        </>
      )}
      {` · ${minutes} min read`}
    </p>
  );
}
