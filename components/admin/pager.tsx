import Link from "next/link";

type Props = {
  page: number;
  /** The address of another page of the same list, with its filters. */
  href: (page: number) => string;
  /** Whether a next page exists; by default, whether `page < pages`. */
  hasNext?: boolean;
  /** Where the list counts its rows: "Page 2 of 7", with any addition such as "(140 in all)". */
  pages?: number;
  note?: string;
  labels?: { previous: string; next: string };
};

/** Previous and next links under an admin list, and where the reader stands in it. */
export function Pager({
  page,
  href,
  pages,
  hasNext = pages !== undefined && page < pages,
  note,
  labels = { previous: "Previous page", next: "Next page" },
}: Props) {
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 && <Link href={href(page - 1)}>{labels.previous}</Link>}
      {pages !== undefined && (
        <span>
          Page {page} of {pages}
          {note ? ` ${note}` : ""}
        </span>
      )}
      {hasNext && <Link href={href(page + 1)}>{labels.next}</Link>}
    </nav>
  );
}

/** How many pages `total` rows fill, at least one (an empty list is page 1 of 1). */
export const pageCount = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));

/** An admin list's address with its filters and a page number (empty filters and page 1 left out). */
export function listHref(path: string, filters: Record<string, string | number | undefined>) {
  return (page: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, page: page > 1 ? page : undefined }))
      if (value) search.set(key, String(value));
    return `${path}?${search}`;
  };
}
