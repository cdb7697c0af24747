"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";

/** "Import": confirms the dry run shown above it. */
export function StartImportForm({ action, id }: { action: FormAction; id: string }) {
  const { state, formAction, pending } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={pending ? null : state} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" disabled={pending || state?.ok === true}>
        {pending ? "Starting…" : "Import"}
      </Button>
    </form>
  );
}

export function ImportLimitForm({ action, current }: { action: FormAction; current: string }) {
  const { state, formAction, pending, field } = useActionForm(action, { importMaxMegabytes: current });
  return (
    <form action={formAction} className="flex max-w-2xl items-end gap-3" noValidate>
      <div className="grow">
        <Field label="Largest import file (MB)" type="number" min={1} {...field("importMaxMegabytes")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Save limit
      </Button>
      <FormStatus state={pending ? null : state} />
    </form>
  );
}
