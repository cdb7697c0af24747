import { formatDate } from "@/lib/utils/dates";

export type SearchResult = {
  id: number;
  title: string;
  slug: string;
  publishedAt: Date | null;
  type: "post" | "page";
  snippet: string;
};

// Must match MATCH_START / MATCH_END in db/queries/search.ts.
const START = "\uE000";
const END = "\uE001";

/** Snippet text with the matched words in <mark>; everything else stays text, so React escapes it. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(START);
  return (
    <>
      {parts[0]}
      {parts.slice(1).map((part, i) => {
        const [hit, ...rest] = part.split(END);
        return (
          <span key={i}>
            <mark className="rounded bg-yellow-200 px-0.5 text-zinc-900">{hit}</mark>
            {rest.join("")}
          </span>
        );
      })}
    </>
  );
}

export function SearchResults({
  results,
  timeZone,
  headingLevel = 2,
}: {
  results: SearchResult[];
  timeZone: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="space-y-6">
      {results.map((result) => (
        <li key={result.id}>
          <Heading className="text-xl font-bold">
            <a href={`/${result.slug}`}>{result.title}</a>
          </Heading>
          {result.type === "post" && result.publishedAt && (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              <time dateTime={result.publishedAt.toISOString()}>{formatDate(result.publishedAt, timeZone)}</time>
            </p>
          )}
          <p className="mt-1">
            <Snippet text={result.snippet} />
          </p>
        </li>
      ))}
    </ol>
  );
}
