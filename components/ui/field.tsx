import type { InputHTMLAttributes } from "react";
import { CONTROL_CLASS, FieldShell } from "./field-shell";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
};

/** A labelled input with its hint and field-level errors. */
export function Field({ label, name, errors, hint, id = `field-${name}`, ...props }: FieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      {(aria) => <input id={id} name={name} className={CONTROL_CLASS} {...aria} {...props} />}
    </FieldShell>
  );
}
