import type { Metadata } from "next";
import { RequestResetForm } from "@/components/admin/request-reset-form";
import { requestPasswordResetAction } from "@/lib/actions/request-password-reset";

export const metadata: Metadata = { title: "Reset your password · Quire" };

export default function RequestResetPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">Reset your password</h1>
      <RequestResetForm action={requestPasswordResetAction} />
    </main>
  );
}
