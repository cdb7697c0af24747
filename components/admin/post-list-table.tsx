"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/utils/action-result";

export type PostRow = {
  id: number;
  title: string;
  status: string;
  authorName: string;
  when: string;
  trashed: boolean;
};

type Props = {
  rows: PostRow[];
  base: string;
  action: FormAction<unknown>;
  operations: { value: string; label: string }[];
};

const STATUS = {
  draft: "Draft",
  review: "Waiting for review",
  scheduled: "Scheduled",
  published: "Published",
} as Record<string, string>;

/** The list with a checkbox per row and one bulk action for the selection. */
export function PostListTable({ rows, base, action, operations }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <FormStatus state={state} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="bulk-operation" className="block text-sm font-medium">
            With selected
          </label>
          <select
            id="bulk-operation"
            name="operation"
            className="rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
          >
            {operations.map((operation) => (
              <option key={operation.value} value={operation.value}>
                {operation.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Apply to selected
        </Button>
      </div>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="w-8 py-2">
              <span className="sr-only">Select</span>
            </th>
            <th scope="col" className="py-2">
              Title
            </th>
            <th scope="col" className="py-2">
              Status
            </th>
            <th scope="col" className="py-2">
              Author
            </th>
            <th scope="col" className="py-2">
              Date
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-zinc-200 dark:border-zinc-800">
              <td className="py-2">
                <input type="checkbox" name="ids" value={row.id} aria-label={`Select “${row.title}”`} />
              </td>
              <td className="py-2">
                {row.trashed ? row.title : <Link href={`${base}/${row.id}`}>{row.title || "(untitled)"}</Link>}
              </td>
              <td className="py-2">{row.trashed ? "In the trash" : STATUS[row.status]}</td>
              <td className="py-2">{row.authorName}</td>
              <td className="py-2">{row.when}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>Nothing matches these filters.</p>}
    </form>
  );
}
