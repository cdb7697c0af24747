"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";
import { NewPasswordFields } from "./account-fields";

type Props = {
  action: FormAction;
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Accepting an invite also asks for a name; changing one's password, for the current one. */
  withName?: boolean;
  withCurrent?: boolean;
};

/** New password (twice), with a name or the current password where the flow needs it. */
export function PasswordForm({ action, submitLabel, hidden = {}, withName, withCurrent }: Props) {
  const { state, formAction, pending, field } = useActionForm(action);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormStatus state={state} />
      <HiddenFields values={hidden} />
      {withName && <Field label="Your name" autoComplete="name" {...field("name")} />}
      {withCurrent && (
        <Field label="Current password" type="password" autoComplete="current-password" {...field("currentPassword")} />
      )}
      <NewPasswordFields field={field} />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
