import type { SelectHTMLAttributes } from "react";
import { CONTROL_CLASS, FieldShell } from "./field-shell";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string | number; label: string }[];
  /** A first option with the empty value, for filters: "Any", "Everything". */
  emptyOption?: string;
  errors?: string[];
  hint?: string;
};

/** A labelled select with its hint and field-level errors. */
export function Select({
  label,
  name,
  options,
  emptyOption,
  errors,
  hint,
  id = `field-${name}`,
  className = "",
  ...props
}: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <select id={id} name={name} className={`${CONTROL_CLASS} ${className}`} {...aria} {...props}>
          {emptyOption !== undefined && <option value="">{emptyOption}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
