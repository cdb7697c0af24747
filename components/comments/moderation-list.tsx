"use client";

import { useActionState, useRef } from "react";
import Link from "next/link";
import type { FormAction } from "@/lib/utils/action-result";
import { safeWebsite } from "@/lib/utils/comment-thread";
import type { ModerationOp } from "@/lib/validations/comment";
import { ListKeysHint, useListKeys } from "@/components/ui/list-keys";
import { RelativeTime } from "@/components/ui/relative-time";

type Row = {
  id: number;
  postTitle: string;
  postSlug: string;
  authorName: string;
  authorEmail: string | null;
  authorUrl: string | null;
  staff: boolean;
  markdown: string;
  html: string;
  spamScore: number;
  createdAt: number;
};
type Status = "pending" | "approved" | "spam" | "trash";
type Props = {
  status: Status;
  comments: Row[];
  actions: { moderate: FormAction; edit: FormAction; reply: FormAction };
  /** Where "Clear filters" leads when a filter (post, email, text) left this tab empty; else unset. */
  clearFiltersHref?: string;
};

const OPS: Record<Status, { op: ModerationOp; label: string }[]> = {
  pending: [
    { op: "approve", label: "Approve" },
    { op: "spam", label: "Mark as spam" },
    { op: "trash", label: "Move to trash" },
  ],
  approved: [
    { op: "spam", label: "Mark as spam" },
    { op: "trash", label: "Move to trash" },
  ],
  spam: [
    { op: "not_spam", label: "Not spam" },
    { op: "delete", label: "Delete forever" },
  ],
  trash: [
    { op: "restore", label: "Restore" },
    { op: "delete", label: "Delete forever" },
  ],
};

const button =
  "rounded-md border border-zinc-400 bg-white px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:bg-zinc-900 dark:hover:bg-zinc-800";
const field =
  "block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";

function Outcome({ state }: { state: Awaited<ReturnType<FormAction>> | null }) {
  if (!state) return null;
  const text = state.ok ? state.message : [state.error, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ");
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-md p-2 text-sm ${state.ok ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"}`}
    >
      {text}
    </p>
  );
}

const EMPTY: Record<Status, string> = {
  pending: "Nothing is waiting: every comment has been moderated.",
  approved: "No approved comments here yet.",
  spam: "No spam here.",
  trash: "The trash is empty.",
};

/** The queue of one status tab: row actions, bulk actions, inline edit and staff reply. */
export function ModerationList({ status, comments, actions, clearFiltersHref }: Props) {
  const [state, moderate, pending] = useActionState(actions.moderate, null);
  const list = useRef<HTMLUListElement>(null);
  useListKeys(list);
  if (comments.length === 0) {
    return (
      <>
        <Outcome state={state} />
        <p className="mt-4 rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm dark:border-zinc-700">
          {clearFiltersHref ? (
            <>
              No {status === "trash" ? "comments in the trash" : `${status} comments`} match these filters.{" "}
              <Link className="underline" href={clearFiltersHref}>
                Clear filters
              </Link>{" "}
              to see them all.
            </>
          ) : (
            EMPTY[status]
          )}
        </p>
      </>
    );
  }
  return (
    <div className="space-y-4">
      <Outcome state={state} />
      <form id="bulk-form" action={moderate} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="bulk-op" className="block text-sm font-medium">
            Bulk action
          </label>
          <select
            id="bulk-op"
            name="op"
            className="rounded-md border border-zinc-400 bg-white px-2 py-1 text-sm dark:bg-zinc-900"
          >
            {OPS[status].map(({ op, label }) => (
              <option key={op} value={op}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={button}>
          Apply to selected
        </button>
      </form>
      {comments.length > 1 && <ListKeysHint />}
      <ul ref={list} className="space-y-4">
        {comments.map((comment) => (
          <li
            key={comment.id}
            data-row
            className="rounded-md border border-zinc-300 bg-white p-4 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {/* The row's focus target for j/k: the comment itself, named by its author. */}
            <article data-row-focus tabIndex={-1} aria-label={`Comment by ${comment.authorName}`} className="space-y-2">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <input
                  type="checkbox"
                  data-row-select
                  form="bulk-form"
                  name="ids"
                  value={comment.id}
                  id={`select-${comment.id}`}
                  className="h-4 w-4"
                />
                <label htmlFor={`select-${comment.id}`} className="font-semibold">
                  Select comment by {comment.authorName}
                </label>
                {comment.staff && (
                  <span className="rounded bg-blue-100 px-1.5 text-xs font-semibold text-blue-900 dark:bg-blue-900 dark:text-blue-100">
                    Staff
                  </span>
                )}
                <span>{comment.authorEmail}</span>
                {safeWebsite(comment.authorUrl) && <span className="break-all">{comment.authorUrl}</span>}
                <span>
                  on <a href={`/${comment.postSlug}#comment-${comment.id}`}>{comment.postTitle}</a>
                </span>
                <RelativeTime date={new Date(comment.createdAt)} />
                {comment.spamScore > 0 && <span>spam score {comment.spamScore}</span>}
              </div>
              {/* Stored sanitised HTML. */}
              <div
                className="prose prose-sm prose-zinc max-w-none dark:prose-invert"
                dangerouslySetInnerHTML={{ __html: comment.html }}
              />
              <form action={moderate} className="flex flex-wrap gap-2">
                <input type="hidden" name="ids" value={comment.id} />
                {OPS[status].map(({ op, label }) => (
                  <button key={op} type="submit" name="op" value={op} disabled={pending} className={button}>
                    {label}
                  </button>
                ))}
              </form>
              <EditAndReply comment={comment} status={status} actions={actions} />
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}

function EditAndReply({ comment, status, actions }: { comment: Row; status: Status; actions: Props["actions"] }) {
  const [editState, edit, editing] = useActionState(actions.edit, null);
  const [replyState, reply, replying] = useActionState(actions.reply, null);
  return (
    <div className="space-y-2 text-sm">
      <details>
        <summary className="cursor-pointer font-medium">Edit comment</summary>
        <form action={edit} className="mt-2 space-y-2">
          <Outcome state={editState} />
          <input type="hidden" name="id" value={comment.id} />
          <label htmlFor={`edit-${comment.id}`} className="block font-medium">
            Comment text
          </label>
          <textarea id={`edit-${comment.id}`} name="body" rows={4} defaultValue={comment.markdown} className={field} />
          <button type="submit" disabled={editing} className={button}>
            Save comment
          </button>
        </form>
      </details>
      {status === "approved" && (
        <details>
          <summary className="cursor-pointer font-medium">Reply as staff</summary>
          <form action={reply} className="mt-2 space-y-2">
            <Outcome state={replyState} />
            <input type="hidden" name="parentId" value={comment.id} />
            <label htmlFor={`reply-${comment.id}`} className="block font-medium">
              Your reply to {comment.authorName}
            </label>
            <textarea id={`reply-${comment.id}`} name="body" rows={3} className={field} />
            <button type="submit" disabled={replying} className={button}>
              Publish reply
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
