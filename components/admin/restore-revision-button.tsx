"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/utils/action-result";

export function RestoreRevisionButton({
  action,
  postId,
  revisionId,
  label,
}: {
  action: FormAction<{ version: number }>;
  postId: number;
  revisionId: number;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={label}>
        Restore
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
