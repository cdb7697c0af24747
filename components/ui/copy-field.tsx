"use client";

import { FieldShell } from "./field-shell";

/** A read-only value shown once to copy (a link, a key): selected whole when focused. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <FieldShell id={id} label={label}>
      {(aria) => (
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-zinc-400 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-600 dark:bg-zinc-950"
          {...aria}
        />
      )}
    </FieldShell>
  );
}
