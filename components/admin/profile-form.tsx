"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";

type Profile = { name: string; slug: string; bio: string; avatarUrl: string };

export function ProfileForm({ action, current }: { action: FormAction; current: Profile }) {
  const { state, formAction, pending, field } = useActionForm(action, current);
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormStatus state={state} />
      <Field label="Name" {...field("name")} />
      <Field label="Slug" hint="Your author page: /author/your-slug" {...field("slug")} />
      <Textarea label="Bio" rows={4} {...field("bio")} />
      <Field
        label="Avatar image URL"
        hint="An uploaded image (/media/…) or an https address."
        {...field("avatarUrl")}
      />
      <Button type="submit" disabled={pending}>
        Save profile
      </Button>
    </form>
  );
}
