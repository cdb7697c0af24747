import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Pager, listHref, pageCount } from "@/components/admin/pager";
import { FilterForm } from "@/components/admin/filter-form";
import { RelativeTime } from "@/components/ui/relative-time";
import { Field } from "@/components/ui/field";
import { listMedia } from "@/db/queries/media";
import { deleteMediaAction } from "@/lib/actions/delete-media";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { mediaSearchSchema, type SearchParams } from "@/lib/validations/admin-lists";

export const metadata: Metadata = { title: "Media · Quire" };

const PER_PAGE = 24;

export default async function MediaPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff("/admin/media");
  const { q, page } = mediaSearchSchema.parse(await searchParams);
  const { rows, total } = await listMedia({ q, page, perPage: PER_PAGE });
  const pages = pageCount(total, PER_PAGE);
  return (
    <>
      <h1 className="text-2xl font-bold">Media</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        Upload images from the editor (toolbar, paste or drop). Unused images can be deleted here.
      </p>
      <FilterForm label="Find media" submitLabel="Find" className="mt-4">
        <Field id="media-q" label="Find by name or alt text" name="q" defaultValue={q} />
      </FilterForm>
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
            {/* A div: the time's tooltip opens in place, and a <p> cannot hold it. */}
            <div className="text-sm text-zinc-700 dark:text-zinc-300">
              Uploaded <RelativeTime date={item.createdAt} />
            </div>
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
      {rows.length === 0 && (
        <p className="mt-4 rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm dark:border-zinc-700">
          {q ? (
            <>
              No image matches “{q}”: try part of its file name or of its alt text, or{" "}
              <Link className="underline" href="/admin/media">
                clear the search
              </Link>
              .
            </>
          ) : (
            <>
              No images yet. Add one from the editor: the Image button, or paste or drop a picture into the body.{" "}
              <Link className="underline" href="/admin/posts/new">
                Write a post
              </Link>
            </>
          )}
        </p>
      )}
      <Pager page={page} pages={pages} href={listHref("/admin/media", { q })} />
    </>
  );
}
