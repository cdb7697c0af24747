import type { Metadata } from "next";
import { connection } from "next/server";
import { NotFoundView } from "@/components/site/not-found-view";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { notFoundSuggestions } from "@/lib/site/not-found";
import { navigationLinks, siteSettings } from "@/lib/site/reader";

// Addresses no route matches (e.g. /a/b/c): the reader 404 with the site's header and footer.
// A page's notFound() ends up here too: bin/server renders it again at such an address,
// because Next leaves a thrown notFound() to its browser runtime (lib/utils/not-found-address.mjs).
export const metadata: Metadata = { title: "Page not found" };

export default async function NotFound() {
  await connection();
  const { title, description, logoUrl } = await siteSettings();
  const navigation = await navigationLinks();
  return (
    <>
      <SiteHeader title={title} description={description} logoUrl={logoUrl} navigation={navigation} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <NotFoundView {...await notFoundSuggestions()} />
      </main>
      <SiteFooter title={title} />
    </>
  );
}
