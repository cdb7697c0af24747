"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";

type Props = { action: FormAction<{ version: number }>; postId: number; revisionId: number; label: string };

export function RestoreRevisionButton({ action, postId, revisionId, label }: Props) {
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <HiddenFields values={{ postId, revisionId }} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={label}>
        Restore
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
