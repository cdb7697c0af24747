import type { Metadata } from "next";
import { connection } from "next/server";
import { SearchForm } from "@/components/site/search-form";
import { SearchResults } from "@/components/site/search-results";
import { siteSettings } from "@/lib/site/reader";
import { searchSite } from "@/lib/site/search";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

async function readQuery({ searchParams }: Props): Promise<string> {
  const q = (await searchParams).q;
  return (Array.isArray(q) ? q[0] : q)?.trim() ?? "";
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  await connection();
  const query = await readQuery(props);
  // Result pages are endless variations of one page: keep them out of search engines.
  return {
    title: query ? `Search: ${query.slice(0, 60)}` : "Search",
    alternates: { canonical: "/search" },
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage(props: Props) {
  await connection();
  const query = await readQuery(props);
  const { results, relaxed, searched } = await searchSite(query);
  const { timezone } = await siteSettings();
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold tracking-tight">Search</h1>
      <SearchForm query={query.slice(0, 500)} />
      <section aria-labelledby="results-heading" className="mt-10">
        <h2 id="results-heading" className="mb-4 text-lg font-semibold" aria-live="polite">
          {!query
            ? 'Type a word or a "phrase in quotes".'
            : !searched
              ? "Nothing to search for: try words with letters or digits."
              : results.length === 0
                ? `No results for “${query.slice(0, 100)}”.`
                : `${results.length === 1 ? "1 result" : `${results.length} results`} for “${query.slice(0, 100)}”${relaxed ? " (matching any of the words)" : ""}`}
        </h2>
        <SearchResults results={results} timeZone={timezone} headingLevel={3} />
      </section>
    </>
  );
}
