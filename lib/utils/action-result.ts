// The shape every server action returns; shared by the server and the forms.
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

/** A server action as a form receives it (the signature `useActionState` expects). */
export type FormAction<T = undefined> = (
  previous: ActionResult<T> | null,
  formData: FormData,
) => Promise<ActionResult<T>>;

/** A server action called from client code with a plain object (not a form). */
export type ObjectAction<T = undefined> = (previous: null, input: Record<string, unknown>) => Promise<ActionResult<T>>;
