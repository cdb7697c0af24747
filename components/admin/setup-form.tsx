"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/utils/action-result";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-policy";

export function SetupForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <Field label="Site title" name="siteTitle" required defaultValue={values?.siteTitle} errors={errors?.siteTitle} />
      <Field
        label="Your name"
        name="name"
        required
        autoComplete="name"
        defaultValue={values?.name}
        errors={errors?.name}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={values?.email}
        errors={errors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={errors?.password}
      />
      <Field
        label="Confirm password"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        errors={errors?.confirmPassword}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your site…" : "Create site"}
      </Button>
    </form>
  );
}
