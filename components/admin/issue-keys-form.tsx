"use client";

import type { ReactNode } from "react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/utils/action-result";

type Keys = { name: string; contentKey: string; adminKey: string };
type Props = {
  action: FormAction<Keys>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  children?: ReactNode;
  confirm?: string;
  idPrefix: string;
};

const field =
  "w-full rounded-md border border-zinc-400 bg-zinc-50 px-2 py-2 font-mono text-sm dark:border-zinc-600 dark:bg-zinc-950";

/** A form whose action issues API keys; the keys are shown here once, read-only, to copy. */
export function IssueKeysForm({ action, hidden = {}, submitLabel, children, confirm, idPrefix }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const keys = state?.ok ? state.data : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant="primary" disabled={pending}>
        {submitLabel}
      </Button>
      <div className="basis-full space-y-2">
        <FormStatus state={state} />
        {errors &&
          Object.entries(errors).map(([name, messages]) => (
            <p key={name} className="text-sm text-red-700 dark:text-red-300">
              {messages?.join(" ")}
            </p>
          ))}
        {keys && (
          <>
            <label htmlFor={`${idPrefix}-content-key`} className="block text-sm font-semibold">
              Content API key
            </label>
            <input
              id={`${idPrefix}-content-key`}
              readOnly
              value={keys.contentKey}
              className={field}
              onFocus={(event) => event.currentTarget.select()}
            />
            <label htmlFor={`${idPrefix}-admin-key`} className="block text-sm font-semibold">
              Admin API key
            </label>
            <input
              id={`${idPrefix}-admin-key`}
              readOnly
              value={keys.adminKey}
              className={field}
              onFocus={(event) => event.currentTarget.select()}
            />
          </>
        )}
      </div>
    </form>
  );
}
