"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-policy";
import type { FormAction } from "@/lib/utils/action-result";

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
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormStatus state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {withName && (
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          errors={errors?.name}
          defaultValue={state && !state.ok ? state.values?.name : undefined}
        />
      )}
      {withCurrent && (
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          errors={errors?.currentPassword}
        />
      )}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={errors?.password}
      />
      <Field
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={errors?.confirmPassword}
      />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
