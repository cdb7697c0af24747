"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";
import { EmailField } from "./account-fields";

export function LoginForm({ action, callbackUrl }: { action: FormAction; callbackUrl?: string }) {
  const { state, formAction, pending, field } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <EmailField field={field} autoComplete="username" />
      <Field label="Password" type="password" required autoComplete="current-password" {...field("password")} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
