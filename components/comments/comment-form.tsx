"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult, FormAction } from "@/lib/utils/action-result";
import { OWN_COMMENTS_KEY, type PostedComment, type StoredOwnComment } from "@/lib/utils/comment-thread";

type Viewer = { issued: string; staff: { name: string } | null };

// One request per page, however many reply forms it has.
let viewerRequest: Promise<Viewer | null> | undefined;
function loadViewer() {
  viewerRequest ??= fetch("/api/comments/viewer", { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<Viewer>) : null))
    .catch(() => null);
  return viewerRequest;
}

/** Remembers the capability token in this browser only, and tells the "your comments" list. */
function rememberOwnComment(comment: PostedComment) {
  try {
    const stored = JSON.parse(localStorage.getItem(OWN_COMMENTS_KEY) ?? "[]") as StoredOwnComment[];
    const weekAgo = Date.now() - 7 * 86_400_000;
    const kept = stored.filter((item) => item.createdAt > weekAgo && item.id !== comment.id);
    kept.push({ id: comment.id, postId: comment.postId, token: comment.token, createdAt: comment.createdAt });
    localStorage.setItem(OWN_COMMENTS_KEY, JSON.stringify(kept.slice(-50)));
    window.dispatchEvent(new Event("quire:own-comments"));
  } catch {
    // Storage may be disabled: the comment is posted all the same.
  }
}

/**
 * With JavaScript the form sends its fields as JSON to POST /api/comments, which answers
 * with the result alone; the server action (the form's `action`) is the no-JavaScript path.
 */
async function sendComment(form: HTMLFormElement): Promise<ActionResult<PostedComment>> {
  const fields = Object.fromEntries([...new FormData(form)].filter(([key]) => !key.startsWith("$ACTION")));
  try {
    const response = await fetch("/api/comments", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(fields),
    });
    // A refusal from the proxy (413) has an error but no `ok`: it is shown the same way.
    const result = (await response.json()) as
      ActionResult<PostedComment> | { ok?: undefined; error?: string; fieldErrors?: undefined };
    return result.ok ? result : { ok: false, error: result.error ?? SEND_FAILED, fieldErrors: result.fieldErrors };
  } catch {
    return { ok: false, error: SEND_FAILED };
  }
}
const SEND_FAILED =
  "Your comment could not be sent. Check your connection and send it again; what you wrote is still here.";

type Props = {
  postId: number;
  parentId?: number;
  replyToName?: string;
  issued: string;
  action: FormAction<PostedComment>;
  offerReplies?: boolean;
};

/** The comment form: a plain POST without JavaScript, inline errors and pending state with it. */
export function CommentForm({ postId, parentId, replyToName, issued, action, offerReplies = false }: Props) {
  // The permalink is where the no-JavaScript post goes: this page, scrolled back to the
  // form that shows its result. Without one React renders `action=""`, which is invalid HTML.
  const anchor = parentId ? `#comment-${parentId}` : "#comment-form";
  const [actionState, formAction, actionPending] = useActionState(action, null, anchor);
  const [sent, setSent] = useState<ActionResult<PostedComment> | null>(null);
  const [sending, startSending] = useTransition();
  const state = sent ?? actionState;
  const pending = actionPending || sending;
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const prefix = `comment-${parentId ?? "new"}`;
  const id = (name: string) => `${prefix}-${name}`;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const posted = state?.ok ? state.data : undefined;

  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    void loadViewer().then(setViewer);
  }, []);
  const router = useRouter();
  useEffect(() => {
    if (!posted) return;
    rememberOwnComment(posted);
    // A published comment joins the thread: fetch the page afresh (the action answers
    // with its result only, so posting stays cheap; a held one has nothing to show).
    if (posted.status === "approved") router.refresh();
  }, [posted, router]);

  // Preventing the default stops React from calling the server action as well.
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    startSending(async () => {
      const result = await sendComment(form);
      setSent(result);
      if (result.ok) form.reset(); // as React does after a form action
    });
  };

  return (
    <form
      id={parentId ? undefined : "comment-form-main"}
      action={formAction}
      onSubmit={send}
      className="space-y-4"
      aria-label={parentId ? `Reply to ${replyToName}` : "Leave a comment"}
      noValidate
    >
      {state && !state.ok && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div
          role="status"
          className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
        >
          <p>{state.message}</p>
          {/* Without JavaScript there is no "your comments" list: the server shows the comment here. */}
          {posted && !viewer && !hydrated && (
            <div
              className="prose prose-sm prose-zinc mt-2 dark:prose-invert"
              dangerouslySetInnerHTML={{ __html: posted.html }}
            />
          )}
        </div>
      )}
      <input type="hidden" name="postId" value={postId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {/* Without JavaScript, the "Reply to …" radios under the comments belong to this form. */}
      {!parentId && offerReplies && !hydrated && (
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="parentId" value="" defaultChecked className="h-4 w-4" /> A new comment, not a reply
          (or choose “Reply to …” under a comment)
        </label>
      )}
      <input type="hidden" name="issued" value={values?.issued || viewer?.issued || issued} />
      {viewer?.staff ? (
        <p className="text-sm">
          Commenting as <strong>{viewer.staff.name}</strong> (staff).
        </p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={id("name")}
            name="name"
            label="Name"
            autoComplete="name"
            required
            maxLength={80}
            defaultValue={values?.name ?? ""}
            errors={errors?.name}
          />
          <Field
            id={id("email")}
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            required
            hint="Never shown. Used for reply notifications."
            defaultValue={values?.email ?? ""}
            errors={errors?.email}
          />
          <Field
            id={id("url")}
            name="url"
            label="Website (optional)"
            type="url"
            autoComplete="url"
            placeholder="https://"
            defaultValue={values?.url ?? ""}
            errors={errors?.url}
          />
        </div>
      )}
      <Textarea
        id={id("body")}
        name="body"
        label={parentId ? "Your reply" : "Comment"}
        rows={5}
        required
        hint="Markdown: *emphasis*, [links](https://…), `code`, > quotes, - lists."
        defaultValue={values?.body ?? ""}
        errors={errors?.body}
      />
      {/* The honeypot: off screen and skipped by keyboards and screen readers; bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${prefix}-company`}>Leave this field empty</label>
        <input id={`${prefix}-company`} name="company" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {!viewer?.staff && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="notify" className="h-4 w-4" /> Notify me of replies by email
        </label>
      )}
      <button
        type="submit"
        disabled={pending}
        className="inline-flex items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60 dark:bg-blue-300 dark:text-zinc-950"
      >
        {pending ? "Posting…" : parentId ? "Post reply" : "Post comment"}
      </button>
    </form>
  );
}
