/** A plain GET form: works without JavaScript. */
export function SearchForm({ query, label = "Search posts" }: { query: string; label?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex flex-wrap items-end gap-2">
      <div className="flex grow flex-col gap-1">
        <label htmlFor="search-q" className="text-sm font-medium">
          {label}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={500}
          className="rounded border border-zinc-400 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        />
      </div>
      <button
        type="submit"
        className="rounded bg-accent px-4 py-2 font-medium text-white dark:bg-accent-dark dark:text-zinc-950"
      >
        Search
      </button>
    </form>
  );
}
