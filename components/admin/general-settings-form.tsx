"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/utils/action-result";

type Props = { action: FormAction; current: { title: string; description: string } };

export function GeneralSettingsForm({ action, current }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = (state && !state.ok ? state.values : undefined) ?? current;
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormStatus state={state} />
      <Field label="Site title" name="title" required defaultValue={values.title} errors={errors?.title} />
      <Field
        label="Site description"
        name="description"
        defaultValue={values.description}
        errors={errors?.description}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
