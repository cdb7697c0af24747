"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";
import { EmailField } from "./account-fields";

export function RequestResetForm({ action }: { action: FormAction }) {
  const { state, formAction, pending, field } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <EmailField field={field} autoComplete="username" />
      <Button type="submit" disabled={pending}>
        Send me a reset link
      </Button>
    </form>
  );
}
