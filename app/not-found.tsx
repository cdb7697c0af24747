import { connection } from "next/server";
import { NotFoundView } from "@/components/site/not-found-view";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { notFoundSuggestions } from "@/lib/not-found";
import { navigationLinks, siteSettings } from "@/lib/reader";

// Addresses no route matches (e.g. /a/b/c): the reader 404 with the site's header and footer.
export default async function NotFound() {
  await connection();
  const { title, description, logoUrl } = siteSettings();
  return (
    <>
      <SiteHeader title={title} description={description} logoUrl={logoUrl} navigation={navigationLinks()} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <NotFoundView {...await notFoundSuggestions()} />
      </main>
      <SiteFooter title={title} />
    </>
  );
}
