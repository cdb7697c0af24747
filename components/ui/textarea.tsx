import type { TextareaHTMLAttributes } from "react";
import { CONTROL_CLASS, FieldShell } from "./field-shell";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
};

/** A labelled textarea with its hint and field-level errors. */
export function Textarea({ label, name, errors, hint, id = `field-${name}`, className = "", ...props }: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      {(aria) => <textarea id={id} name={name} className={`${CONTROL_CLASS} ${className}`} {...aria} {...props} />}
    </FieldShell>
  );
}
