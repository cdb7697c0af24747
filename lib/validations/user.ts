import { withoutControlCharacters } from "../utils/control-characters";
import { z } from "zod";
import { isSlug } from "../utils/slugify";
import { emailField, nameField, newPasswordField } from "./auth";

const id = z.coerce.number().int().positive();
// The owner role is never given by a form: ownership moves only by transfer.
export const assignableRole = z.enum(["admin", "editor", "author", "contributor"], "Choose a role.");

export const inviteSchema = z.object({ email: emailField, role: assignableRole });
export const changeRoleSchema = z.object({ id, role: assignableRole });
export const suspendSchema = z.object({ id, suspended: z.enum(["true", "false"]).transform((v) => v === "true") });
export const deleteUserSchema = z.object({ id, reassignTo: id });
export const transferOwnershipSchema = z.object({ id });

const passwordPair = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, password: newPasswordField, confirmPassword: z.string() })
    .refine(
      (data) => (data as { password: string }).password === (data as { confirmPassword: string }).confirmPassword,
      {
        path: ["confirmPassword"],
        message: "The passwords do not match.",
      },
    );

export const acceptInviteSchema = passwordPair({ token: z.string().min(20).max(100), name: nameField });
export const resetPasswordSchema = passwordPair({ token: z.string().min(20).max(100) });
export const requestResetSchema = z.object({ email: emailField });
export const changePasswordSchema = passwordPair({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
});

export const profileSchema = z.object({
  name: nameField,
  slug: z.string().trim().toLowerCase().refine(isSlug, "Use lowercase letters, digits and single hyphens.").max(80),
  bio: z
    .string()
    .default("")
    .transform(withoutControlCharacters)
    .pipe(z.string().trim().max(1000, "Use at most 1000 characters.")),
  avatarUrl: z
    .string()
    .trim()
    .max(500)
    .refine(
      (v) => v === "" || v.startsWith("/media/") || /^https?:\/\//.test(v),
      "Use an uploaded image (/media/…) or an http(s) address.",
    )
    .transform((v) => v || null),
});
