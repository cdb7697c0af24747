import type { InputHTMLAttributes } from "react";
import { CONTROL_CLASS, FieldShell } from "./field-shell";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  /** Values offered as the person types (a datalist); any other value is allowed too. */
  suggestions?: string[];
};

/** A labelled input with its hint and field-level errors. */
export function Field({ label, name, errors, hint, suggestions, id = `field-${name}`, ...props }: FieldProps) {
  const listId = suggestions ? `${id}-suggestions` : undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <>
          <input id={id} name={name} className={CONTROL_CLASS} list={listId} {...aria} {...props} />
          {suggestions && (
            <datalist id={listId}>
              {suggestions.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          )}
        </>
      )}
    </FieldShell>
  );
}
