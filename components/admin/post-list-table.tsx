"use client";

import Link from "next/link";
import { type ReactNode, useRef, useState, useSyncExternalStore } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { ListKeysHint, useListKeys } from "@/components/ui/list-keys";
import { Select } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";
import { POST_STATUS_LABEL } from "./post-status-labels";

export type PostRow = {
  id: number;
  title: string;
  /** The smallest copy of an uploaded feature image; null when none, or when it is on another host. */
  thumbnail: string | null;
  status: keyof typeof POST_STATUS_LABEL;
  authorName: string;
  /** A <time> rendered on the server (relative, exact on hover). */
  when: ReactNode;
  trashed: boolean;
  /** Reader views over the kept days (only for those who see the analytics). */
  views?: number;
};

type Props = {
  rows: PostRow[];
  base: string;
  action: FormAction<unknown>;
  operations: { value: string; label: string }[];
  /** What to say when there are no rows: no posts yet, or none matching the filters. */
  empty: ReactNode;
};

const STATUS_TONE: Record<PostRow["status"], BadgeTone> = {
  draft: "zinc",
  review: "amber",
  scheduled: "violet",
  published: "green",
};

// Under 640 px each row is a card (title and checkbox on top, status, author and date below), so a
// phone never scrolls sideways; the column headings stay for screen readers.
const CARD = {
  block: "max-sm:block",
  headRow: "max-sm:flex max-sm:border-0",
  heading: "max-sm:sr-only",
  list: "max-sm:block max-sm:space-y-3",
  row: "max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-3 max-sm:gap-y-1 max-sm:rounded-lg max-sm:border max-sm:p-3",
  cell: "max-sm:py-0",
  title: "max-sm:w-[calc(100%-3rem)] max-sm:py-0 max-sm:font-medium",
};

const noSubscription = () => () => {};
const boxes = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLInputElement>('input[name="ids"]')];

/**
 * The list with a checkbox per row and one bulk action for the selection. With JavaScript the
 * action bar appears once a row is selected (and a box in the header selects every row); without
 * it, the bar is always there.
 */
export function PostListTable({ rows, base, action, operations, empty }: Props) {
  const { state, formAction, pending } = useActionForm(action);
  const list = useRef<HTMLFormElement>(null);
  useListKeys(list);
  const showViews = rows.some((row) => row.views !== undefined);
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // A new set of rows (other filters, another page) starts with nothing selected: the count is
  // kept with the rows it was made for, and the boxes are keyed by the set too. The component
  // itself is not remounted, or the outcome of the bulk action that changed the rows would be lost.
  const rowsKey = rows.map((row) => row.id).join(",");
  const [selection, setSelection] = useState({ rowsKey, count: 0 });
  const selected = selection.rowsKey === rowsKey ? selection.count : 0;
  const count = (form: HTMLFormElement) =>
    setSelection({ rowsKey, count: boxes(form).filter((box) => box.checked).length });
  return (
    <form ref={list} action={formAction} className="space-y-3" onChange={(event) => count(event.currentTarget)}>
      <FormStatus state={state} />
      {(!scripted || selected > 0) && (
        <div
          role="region"
          aria-label="Bulk actions"
          className="sticky top-14 z-10 flex flex-wrap items-end gap-2 rounded-md border border-zinc-200 bg-white p-3 shadow-sm md:top-2 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {scripted && <p className="self-center text-sm font-semibold">{selected} selected</p>}
          <Select id="bulk-operation" label="With selected" name="operation" options={operations} />
          <Button type="submit" variant="secondary" disabled={pending}>
            Apply to selected
          </Button>
        </div>
      )}
      <table className={`w-full border-collapse text-left text-sm ${CARD.block}`}>
        <thead className={CARD.block}>
          <tr className={`border-b border-zinc-300 dark:border-zinc-700 ${CARD.headRow}`}>
            <th scope="col" className="w-8 py-2">
              {scripted && rows.length > 0 ? (
                <input
                  type="checkbox"
                  aria-label="Select every row"
                  checked={selected === rows.length}
                  onChange={(event) => {
                    const form = event.currentTarget.form!;
                    for (const box of boxes(form)) box.checked = event.currentTarget.checked;
                  }}
                />
              ) : (
                <span className="sr-only">Select</span>
              )}
            </th>
            {["Title", "Status", "Author", "Date", ...(showViews ? ["Views"] : [])].map((heading) => (
              <th key={heading} scope="col" className={`py-2 ${CARD.heading}`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={CARD.list}>
          {rows.map((row) => (
            <tr key={row.id} data-row className={`border-b border-zinc-200 dark:border-zinc-800 ${CARD.row}`}>
              <td className={`py-2 ${CARD.cell}`}>
                <input
                  key={rowsKey}
                  data-row-select
                  type="checkbox"
                  name="ids"
                  value={row.id}
                  aria-label={`Select “${row.title}”`}
                />
              </td>
              <td className={`py-2 ${CARD.title}`}>
                <span className="flex items-center gap-3">
                  {/* Decorative: the title beside it says what it is. Fixed size, so rows never jump. */}
                  {row.thumbnail ? (
                    // eslint-disable-next-line @next/next/no-img-element -- our own uploads, already resized
                    <img
                      src={row.thumbnail}
                      alt=""
                      width={48}
                      height={32}
                      loading="lazy"
                      className="h-8 w-12 shrink-0 rounded object-cover"
                    />
                  ) : (
                    <span aria-hidden="true" className="h-8 w-12 shrink-0 rounded bg-zinc-100 dark:bg-zinc-800" />
                  )}
                  {row.trashed ? (
                    // Trashed rows have no editor link; the title still takes focus for j/k.
                    <span data-row-focus tabIndex={-1}>
                      {row.title || "(untitled)"}
                    </span>
                  ) : (
                    <Link data-row-focus className="underline" href={`${base}/${row.id}`}>
                      {row.title || "(untitled)"}
                    </Link>
                  )}
                </span>
              </td>
              <td className={`py-2 ${CARD.cell}`}>
                {row.trashed ? (
                  <Badge tone="red">In the trash</Badge>
                ) : (
                  <Badge tone={STATUS_TONE[row.status]}>{POST_STATUS_LABEL[row.status]}</Badge>
                )}
              </td>
              <td className={`py-2 ${CARD.cell}`}>{row.authorName}</td>
              <td className={`py-2 ${CARD.cell}`}>{row.when}</td>
              {showViews && (
                <td className={`py-2 tabular-nums max-sm:after:content-['_views'] ${CARD.cell}`}>{row.views ?? 0}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {scripted && rows.length > 1 && <ListKeysHint />}
      {rows.length === 0 && (
        <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm dark:border-zinc-700">
          {empty}
        </p>
      )}
    </form>
  );
}
