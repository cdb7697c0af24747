import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Button } from "@/components/ui/button";
import { listMedia } from "@/db/queries/media";
import { deleteMediaAction } from "@/lib/actions/delete-media";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Media · Quire" };

const PER_PAGE = 24;

export default async function MediaPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requireStaff("/admin/media");
  const { q = "", page: rawPage } = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(rawPage ?? "", 10) || 1));
  const query = typeof q === "string" ? q.slice(0, 200) : "";
  const { rows, total } = listMedia({ q: query || undefined, page, perPage: PER_PAGE });
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <>
      <h1 className="text-2xl font-bold">Media</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        Upload images from the editor (toolbar, paste or drop). Unused images can be deleted here.
      </p>
      <form method="get" role="search" aria-label="Find media" className="mt-4 flex items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="media-q" className="block text-sm font-medium">
            Find by name or alt text
          </label>
          <input
            id="media-q"
            name="q"
            defaultValue={query}
            className="rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
          />
        </div>
        <Button type="submit" variant="secondary">
          Find
        </Button>
      </form>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {rows.map((item) => (
          <li
            key={item.id}
            className="rounded-md border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- our own uploads, served with long cache headers */}
            <img
              src={`/media/${item.storageKey}`}
              alt={item.alt}
              loading="lazy"
              className="h-40 w-full rounded object-cover"
            />
            <p className="mt-2 break-all text-sm font-medium">{item.originalName}</p>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              {item.width}×{item.height} · {Math.ceil(item.size / 1024)} KB · {item.uploaderName ?? "—"} ·{" "}
              {item.usedIn ? `used in ${item.usedIn}` : "unused"}
            </p>
            <p className="text-sm">Alt: {item.alt}</p>
            <p className="break-all font-mono text-xs">/media/{item.storageKey}</p>
            {item.usedIn === 0 && (hasRole(user, "editor") || item.uploadedBy === user.id) && (
              <ActionForm
                action={deleteMediaAction}
                hidden={{ id: item.id }}
                submitLabel={`Delete ${item.originalName}`}
                variant="danger"
                className="mt-2"
                confirm="Delete this image for good?"
              />
            )}
          </li>
        ))}
      </ul>
      {rows.length === 0 && <p className="mt-4">No media found.</p>}
      <nav aria-label="Pagination" className="mt-4 flex gap-4 text-sm">
        {page > 1 && (
          <Link href={`/admin/media?${new URLSearchParams({ q: query, page: String(page - 1) })}`}>Previous page</Link>
        )}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages && (
          <Link href={`/admin/media?${new URLSearchParams({ q: query, page: String(page + 1) })}`}>Next page</Link>
        )}
      </nav>
    </>
  );
}
