import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { SiteHeader } from "@/components/site/site-header";
import { getSettings } from "@/db/queries/settings";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { title, description } = getSettings();
  return { title: { default: title, template: `%s · ${title}` }, description };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection(); // reader pages show the live database, never a build-time copy
  const { title, description } = getSettings();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <SiteHeader title={title} description={description} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-3xl px-4 py-8 text-sm text-zinc-700 dark:text-zinc-300">
        Published with Quire.
      </footer>
    </>
  );
}
