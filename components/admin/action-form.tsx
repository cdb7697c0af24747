"use client";

import { type ReactNode, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";

type Props<T> = {
  action: FormAction<T>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  children?: ReactNode;
  className?: string;
  /** Asked before a destructive action is sent. */
  confirm?: string;
  /** What a successful action sent back, shown under the outcome (from client components only). */
  showData?: (data: T) => ReactNode;
};

/** A small form around one server action, with its outcome shown beside it. */
export function ActionForm<T = unknown>({
  action,
  hidden = {},
  submitLabel,
  variant = "secondary",
  children,
  className = "",
  confirm,
  showData,
}: Props<T>) {
  const { state, formAction, pending, errors, data } = useActionForm(action);
  const form = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [asking, setAsking] = useState(false);
  return (
    <form
      ref={form}
      action={formAction}
      className={`flex flex-wrap items-end gap-2 ${className}`}
      onSubmit={(event) => {
        // Without JavaScript the form is sent as it is; with it, a destructive action asks first.
        if (!confirm || confirmed.current) return void (confirmed.current = false);
        event.preventDefault();
        setAsking(true);
      }}
    >
      <HiddenFields values={hidden} />
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
      <div className="basis-full space-y-2">
        <FormStatus state={state} />
        {errors &&
          Object.entries(errors).map(([field, messages]) => (
            <p key={field} className="text-sm text-red-700 dark:text-red-300">
              {messages?.join(" ")}
            </p>
          ))}
        {data !== undefined && showData?.(data)}
      </div>
      {confirm && (
        <Dialog open={asking} onOpenChange={setAsking}>
          <DialogContent title={confirm} role="alertdialog">
            <div className="flex gap-2">
              <Button
                type="button"
                variant={variant === "secondary" ? "primary" : variant}
                onClick={() => {
                  confirmed.current = true;
                  setAsking(false);
                  form.current?.requestSubmit();
                }}
              >
                {submitLabel}
              </Button>
              <DialogClose asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </DialogClose>
            </div>
          </DialogContent>
        </Dialog>
      )}
    </form>
  );
}
