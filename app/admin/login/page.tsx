import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { LoginForm } from "@/components/admin/login-form";
import { countStaff } from "@/db/queries/users";
import { signInAction } from "@/lib/actions/sign-in";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in · Quire" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  await connection();
  if (countStaff() === 0) redirect("/admin/setup");
  const { callbackUrl } = await searchParams;
  const returnTo = safeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <LoginForm action={signInAction} callbackUrl={returnTo} />
    </main>
  );
}
