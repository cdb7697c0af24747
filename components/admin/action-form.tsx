"use client";

import type { ReactNode } from "react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/utils/action-result";

type Props = {
  action: FormAction<unknown>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  children?: ReactNode;
  className?: string;
  /** Asked before a destructive action is sent. */
  confirm?: string;
};

/** A small form around one server action, with its outcome shown beside it. */
export function ActionForm({
  action,
  hidden = {},
  submitLabel,
  variant = "secondary",
  children,
  className = "",
  confirm,
}: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      className={`flex flex-wrap items-end gap-2 ${className}`}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
      <div className="basis-full">
        <FormStatus state={state} />
        {errors &&
          Object.entries(errors).map(([field, messages]) => (
            <p key={field} className="text-sm text-red-700 dark:text-red-300">
              {messages?.join(" ")}
            </p>
          ))}
      </div>
    </form>
  );
}
