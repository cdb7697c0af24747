import Link from "next/link";
import { SearchForm } from "./search-form";
import { SearchResults, type SearchResult } from "./search-results";

/** The reader 404: what went wrong, posts that match the address's words, and a search box. */
export function NotFoundView({
  words,
  results,
  timeZone,
}: {
  words: string;
  results: SearchResult[];
  timeZone: string;
}) {
  return (
    <>
      <h1 className="text-4xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4">
        There is nothing at this address. It may have moved, or never existed.{" "}
        <Link href="/" className="underline">
          Go to the home page
        </Link>
        , or search below.
      </p>
      {results.length > 0 && (
        <section aria-labelledby="suggestions-heading" className="mt-10">
          <h2 id="suggestions-heading" className="mb-4 text-xl font-bold">
            Were you looking for one of these?
          </h2>
          <SearchResults results={results} timeZone={timeZone} headingLevel={3} />
        </section>
      )}
      <div className="mt-10">
        <SearchForm query={words} label="Search the site" />
      </div>
    </>
  );
}
