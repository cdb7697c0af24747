"use client";

import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";

const ROLES = [
  { value: "contributor", label: "Contributor" },
  { value: "author", label: "Author" },
  { value: "editor", label: "Editor" },
  { value: "admin", label: "Admin" },
];

export function InviteForm({ action }: { action: FormAction<{ link: string }> }) {
  const { state, formAction, pending, field, errors, data } = useActionForm(action);
  return (
    <form action={formAction} className="max-w-xl space-y-3" noValidate>
      <FormStatus state={state} />
      {data?.link && <CopyField id="invite-link" label="Invite link" value={data.link} />}
      <Field label="Email address to invite" type="email" {...field("email")} />
      <Select label="Invite as" name="role" options={ROLES} errors={errors?.role} defaultValue="author" />
      <Button type="submit" disabled={pending}>
        Send invitation
      </Button>
    </form>
  );
}
