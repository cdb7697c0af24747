"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import type { FormAction } from "@/lib/utils/action-result";

const ROLES = [
  { value: "contributor", label: "Contributor" },
  { value: "author", label: "Author" },
  { value: "editor", label: "Editor" },
  { value: "admin", label: "Admin" },
];

export function InviteForm({ action }: { action: FormAction<{ link: string }> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const link = state?.ok ? state.data?.link : undefined;
  return (
    <form action={formAction} className="max-w-xl space-y-3" noValidate>
      <FormStatus state={state} />
      {link && (
        <div className="space-y-1">
          <label htmlFor="invite-link" className="block text-sm font-medium">
            Invite link
          </label>
          <input
            id="invite-link"
            readOnly
            value={link}
            onFocus={(event) => event.target.select()}
            className="block w-full rounded-md border border-zinc-400 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-600 dark:bg-zinc-900"
          />
        </div>
      )}
      <Field
        label="Email address to invite"
        name="email"
        type="email"
        errors={errors?.email}
        defaultValue={state && !state.ok ? state.values?.email : undefined}
      />
      <Select label="Invite as" name="role" options={ROLES} errors={errors?.role} defaultValue="author" />
      <Button type="submit" disabled={pending}>
        Send invitation
      </Button>
    </form>
  );
}
