import type { Metadata } from "next";
import { connection } from "next/server";
import { PasswordForm } from "@/components/admin/password-form";
import { findInvite } from "@/db/queries/user-tokens";
import { acceptInviteAction } from "@/lib/actions/accept-invite";
import { hashToken } from "@/lib/users/link-tokens";

export const metadata: Metadata = { title: "Accept your invitation · Quire", robots: { index: false } };

export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const invite = token.length <= 100 ? await findInvite({ tokenHash: hashToken(token) }) : undefined;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">Accept your invitation</h1>
      {invite ? (
        <>
          <p className="mb-4">
            You were invited as <strong>{invite.role}</strong> with {invite.email}. Choose your name and a password.
          </p>
          <PasswordForm action={acceptInviteAction} submitLabel="Create my account" hidden={{ token }} withName />
        </>
      ) : (
        <p role="alert">
          This invitation has expired or was already used. Ask the person who invited you for a new one.
        </p>
      )}
    </main>
  );
}
