import { Field } from "@/components/ui/field";
import type { FieldFor } from "@/components/ui/use-action-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/password-policy";

/** The sign-in address, as setup, sign-in and password reset ask for it. */
export function EmailField({ field, autoComplete }: { field: FieldFor; autoComplete: "username" | "email" }) {
  return <Field label="Email" type="email" required autoComplete={autoComplete} {...field("email")} />;
}

/** A new password and its repetition (the server checks that they match and the policy). */
export function NewPasswordFields({
  field,
  label = "New password",
  repeatLabel = "Repeat the new password",
}: {
  field: FieldFor;
  label?: string;
  repeatLabel?: string;
}) {
  return (
    <>
      <Field
        label={label}
        type="password"
        required
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        {...field("password")}
      />
      <Field label={repeatLabel} type="password" required autoComplete="new-password" {...field("confirmPassword")} />
    </>
  );
}
