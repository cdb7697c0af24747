import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PasswordForm } from "@/components/admin/password-form";
import { findResetToken } from "@/db/queries/user-tokens";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { hashToken } from "@/lib/users/link-tokens";

export const metadata: Metadata = { title: "Choose a new password · Quire", robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const valid = token.length <= 100 && (await findResetToken({ tokenHash: hashToken(token) }));
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">Choose a new password</h1>
      {valid ? (
        <PasswordForm action={resetPasswordAction} submitLabel="Set new password" hidden={{ token }} />
      ) : (
        <p role="alert">
          This reset link has expired or was already used. <Link href="/admin/reset-password">Ask for a new one</Link>.
        </p>
      )}
    </main>
  );
}
