import type { ReactNode } from "react";

export const CONTROL_CLASS =
  "block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";

export type ControlAria = { "aria-invalid"?: true; "aria-describedby"?: string };

type Props = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (aria: ControlAria) => ReactNode;
};

/** The visible label, hint and field-level errors around one form control, tied to it for screen readers. */
export function FieldShell({ id, label, hint, errors, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const aria: ControlAria = {
    "aria-invalid": errorId ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(aria)}
      {hint && (
        <p id={hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-300">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
