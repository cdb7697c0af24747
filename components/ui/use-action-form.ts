"use client";

import { useActionState } from "react";
import type { FieldErrors, FormAction } from "@/lib/utils/action-result";

type Echoed = Record<string, string | undefined>;

/** The props `useActionForm(…).field(name)` gives one field. */
export type FieldFor = (name: string) => { name: string; defaultValue: string | undefined; errors?: string[] };

/**
 * `useActionState` for a form around one server action, unpacked the way every form reads it:
 * the outcome, the form's action, whether it is on its way, and, after a refusal, the field
 * errors and what the person typed (the server echoes it back, never passwords).
 * `current` is what the fields show before anything was sent; echoed values win over it.
 */
export function useActionForm<T = undefined, V extends object = Echoed>(action: FormAction<T>, current?: V) {
  const [state, formAction, pending] = useActionState(action, null);
  const refused = state && !state.ok ? state : undefined;
  const errors: FieldErrors | undefined = refused?.fieldErrors;
  // The echo is all strings (a checked box: "on"; an unchecked one: absent, so `current` shows through).
  const values = { ...current, ...refused?.values } as { [K in keyof V]: V[K] | string } & Echoed;
  return {
    state,
    formAction,
    pending,
    errors,
    values,
    /** What the action sent back when it succeeded. */
    data: state?.ok ? state.data : undefined,
    /** `name`, the echoed or current value and the errors of one field, to spread on `Field` and its kin. */
    field: ((name) => ({ name, defaultValue: values[name], errors: errors?.[name] })) as FieldFor,
  };
}
