import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SetupForm } from "@/components/admin/setup-form";
import { countStaff } from "@/db/queries/users";
import { setupSiteAction } from "@/lib/actions/setup-site";

export const metadata: Metadata = { title: "Set up your site · Quire" };

export default async function SetupPage() {
  await connection();
  if ((await countStaff()) > 0) redirect("/admin/login");
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Set up your site</h1>
      <p className="mt-2 mb-6 text-zinc-700 dark:text-zinc-300">
        Name your site and create the owner account. You can change everything later.
      </p>
      <SetupForm action={setupSiteAction} />
    </main>
  );
}
