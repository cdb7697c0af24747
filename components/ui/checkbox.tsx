import type { InputHTMLAttributes } from "react";

/** A checkbox with its label beside it. */
export function Checkbox({
  label,
  id,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; id: string }) {
  return (
    <div className="flex items-center gap-2">
      <input type="checkbox" id={id} className="h-4 w-4" {...props} />
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
    </div>
  );
}
