"use client";

import { useCallback, useEffect, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/utils/action-result";
import { OWN_COMMENTS_KEY, type OwnComment, type StoredOwnComment } from "@/lib/utils/comment-thread";

type Action<T = undefined> = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<T>>;
type Props = {
  postId: number;
  lookup: Action<OwnComment[]>;
  edit: Action<{ html: string; status: string }>;
  remove: Action;
};

function storedFor(postId: number): StoredOwnComment[] {
  try {
    return (JSON.parse(localStorage.getItem(OWN_COMMENTS_KEY) ?? "[]") as StoredOwnComment[]).filter(
      (item) => item.postId === postId,
    );
  } catch {
    return [];
  }
}

/**
 * The commenter's own recent comments on this post, found by the tokens this browser
 * kept: held ones are visible to them alone, and for 10 minutes they can edit or delete.
 */
export function OwnComments({ postId, lookup, edit, remove }: Props) {
  const [comments, setComments] = useState<(OwnComment & { token: string })[]>([]);
  const [now, setNow] = useState(0);

  const refresh = useCallback(async () => {
    const stored = storedFor(postId);
    if (stored.length === 0) return setComments([]);
    const result = await lookup(null, { postId, items: stored.map(({ id, token }) => ({ id, token })) });
    const tokens = new Map(stored.map((item) => [item.id, item.token]));
    setComments(result.ok && result.data ? result.data.map((c) => ({ ...c, token: tokens.get(c.id)! })) : []);
    setNow(Date.now());
  }, [lookup, postId]);

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener("quire:own-comments", onChange);
    const timer = setInterval(() => setNow(Date.now()), 15_000); // the edit buttons leave when the window closes
    return () => {
      window.removeEventListener("quire:own-comments", onChange);
      clearInterval(timer);
    };
  }, [refresh]);

  const visible = comments.filter((c) => c.status === "pending" || c.status === "approved");
  if (visible.length === 0) return null;
  return (
    <section
      aria-labelledby="own-comments-heading"
      className="my-6 rounded-md border border-zinc-300 p-4 dark:border-zinc-700"
    >
      <h3 id="own-comments-heading" className="mb-3 font-semibold">
        Your comments
      </h3>
      <ul className="space-y-4">
        {visible.map((comment) => (
          <OwnCommentItem key={comment.id} comment={comment} now={now} edit={edit} remove={remove} onChange={refresh} />
        ))}
      </ul>
    </section>
  );
}

function OwnCommentItem({
  comment,
  now,
  edit,
  remove,
  onChange,
}: {
  comment: OwnComment & { token: string };
  now: number;
  edit: Props["edit"];
  remove: Props["remove"];
  onChange: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const open = now > 0 && now < comment.editableUntil;

  const run = (work: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await work();
      setMessage(
        result.ok
          ? { ok: true, text: result.message ?? "Done." }
          : { ok: false, text: result.fieldErrors?.body?.join(" ") ?? result.error },
      );
      if (result.ok) {
        setEditing(false);
        onChange();
      }
    });

  return (
    <li className="space-y-2">
      <p className="text-sm font-medium">
        {comment.status === "pending" ? "Awaiting moderation" : <a href={`#comment-${comment.id}`}>Published</a>}
      </p>
      {/* Stored sanitised HTML, read back from the server with this browser's token. */}
      <div
        className="prose prose-sm prose-zinc max-w-none dark:prose-invert"
        dangerouslySetInnerHTML={{ __html: comment.html }}
      />
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-800 dark:text-green-200" : "text-red-700 dark:text-red-300"}`}
        >
          {message.text}
        </p>
      )}
      {editing ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            const body = new FormData(event.currentTarget).get("body");
            run(() => edit(null, { id: comment.id, token: comment.token, body: String(body ?? "") }));
          }}
        >
          <label htmlFor={`own-${comment.id}-body`} className="block text-sm font-medium">
            Edit your comment
          </label>
          <textarea
            id={`own-${comment.id}-body`}
            name="body"
            rows={4}
            defaultValue={comment.markdown}
            className="block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
          />
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-blue-700 px-3 py-1 text-sm font-semibold text-white dark:bg-blue-300 dark:text-zinc-950"
            >
              Save changes
            </button>
            <button
              type="button"
              onClick={() => setEditing(false)}
              className="rounded-md border border-zinc-400 px-3 py-1 text-sm"
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        open && (
          <div className="flex flex-wrap gap-2 text-sm">
            <button
              type="button"
              onClick={() => setEditing(true)}
              className="rounded-md border border-zinc-400 px-3 py-1"
            >
              Edit comment
            </button>
            {confirming ? (
              <button
                type="button"
                disabled={pending}
                onClick={() => run(() => remove(null, { id: comment.id, token: comment.token }))}
                className="rounded-md bg-red-700 px-3 py-1 font-semibold text-white dark:bg-red-300 dark:text-zinc-950"
              >
                Yes, delete my comment
              </button>
            ) : (
              <button
                type="button"
                onClick={() => setConfirming(true)}
                className="rounded-md border border-zinc-400 px-3 py-1"
              >
                Delete comment
              </button>
            )}
            <span className="self-center text-zinc-600 dark:text-zinc-400">
              You can change it for 10 minutes after posting.
            </span>
          </div>
        )
      )}
    </li>
  );
}
