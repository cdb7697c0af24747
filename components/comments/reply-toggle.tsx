"use client";

import { useEffect, useState } from "react";
import type { FormAction } from "@/lib/utils/action-result";
import type { PostedComment } from "@/lib/utils/comment-thread";
import { CommentForm } from "./comment-form";

export const MAIN_FORM_ID = "comment-form-main";

type Props = { postId: number; parentId: number; name: string; issued: string; action: FormAction<PostedComment> };

/**
 * Replying to one comment. Without JavaScript: a radio button that belongs to the main
 * form below (its `form` attribute), so one form serves every reply and the page stays
 * light. With JavaScript: a button that opens the form inline, under the comment.
 */
export function ReplyToggle({ postId, parentId, name, issued, action }: Props) {
  const [enhanced, setEnhanced] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (!enhanced) {
    return (
      <label className="mt-2 inline-flex items-center gap-2 text-sm font-medium">
        <input type="radio" name="parentId" value={parentId} form={MAIN_FORM_ID} className="h-4 w-4" /> Reply to {name}
      </label>
    );
  }
  return (
    <div className="mt-2">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="text-sm font-medium underline"
      >
        Reply to {name}
      </button>
      {open && (
        <div className="relative mt-3">
          <CommentForm postId={postId} parentId={parentId} replyToName={name} issued={issued} action={action} />
        </div>
      )}
    </div>
  );
}
