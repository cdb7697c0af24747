"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";
import { EmailField, NewPasswordFields } from "./account-fields";

export function SetupForm({ action }: { action: FormAction }) {
  const { state, formAction, pending, field } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <Field label="Site title" required {...field("siteTitle")} />
      <Field label="Your name" required autoComplete="name" {...field("name")} />
      <EmailField field={field} autoComplete="email" />
      <NewPasswordFields field={field} label="Password" repeatLabel="Confirm password" />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your site…" : "Create site"}
      </Button>
    </form>
  );
}
