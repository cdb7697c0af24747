import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { LoginForm } from "@/components/admin/login-form";
import { countStaff } from "@/db/queries/users";
import { signInAction } from "@/lib/actions/sign-in";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in · Quire" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; welcome?: string; reset?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  await connection();
  if ((await countStaff()) === 0) redirect("/admin/setup");
  const { callbackUrl, welcome, reset } = await searchParams;
  const returnTo = safeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      {(welcome || reset) && (
        <p
          role="status"
          className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
        >
          {welcome
            ? "Your account is ready. Sign in with your email and new password."
            : "Your password was changed. Sign in with the new one."}
        </p>
      )}
      <LoginForm action={signInAction} callbackUrl={returnTo} />
      <p className="mt-4 text-sm">
        <Link href="/admin/reset-password">Forgot your password?</Link>
      </p>
    </main>
  );
}
