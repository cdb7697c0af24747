"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/utils/action-result";

export function RequestResetForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <Field label="Email" name="email" type="email" autoComplete="username" errors={errors?.email} />
      <Button type="submit" disabled={pending}>
        Send me a reset link
      </Button>
    </form>
  );
}
