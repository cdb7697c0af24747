"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Textarea } from "@/components/ui/textarea";
import type { FormAction } from "@/lib/utils/action-result";

type Profile = { name: string; slug: string; bio: string; avatarUrl: string };

export function ProfileForm({ action, current }: { action: FormAction; current: Profile }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = { ...current, ...(state && !state.ok ? state.values : {}) };
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormStatus state={state} />
      <Field label="Name" name="name" defaultValue={values.name} errors={errors?.name} />
      <Field
        label="Slug"
        name="slug"
        hint="Your author page: /author/your-slug"
        defaultValue={values.slug}
        errors={errors?.slug}
      />
      <Textarea label="Bio" name="bio" rows={4} defaultValue={values.bio} errors={errors?.bio} />
      <Field
        label="Avatar image URL"
        name="avatarUrl"
        hint="An uploaded image (/media/…) or an https address."
        defaultValue={values.avatarUrl}
        errors={errors?.avatarUrl}
      />
      <Button type="submit" disabled={pending}>
        Save profile
      </Button>
    </form>
  );
}
