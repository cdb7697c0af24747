/** Newer / older links and "Page 2 of 5"; `base` is "" for home or e.g. "/tag/news". */
export function Pagination({ base, page, totalPages }: { base: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const href = (n: number) => (n === 1 ? base || "/" : `${base}/page/${n}`);
  return (
    <nav aria-label="Pagination" className="mt-12 flex items-center justify-between gap-4">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← Newer posts
        </a>
      ) : (
        <span />
      )}
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          Older posts →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
