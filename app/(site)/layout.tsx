import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { JsonLd } from "@/components/site/json-ld";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { siteUrl } from "@/lib/env";
import { FONT_VARIABLES, siteDesignStyle } from "@/components/site/site-design";
import { navigationLinks, siteSettings } from "@/lib/site/reader";
import { feedAlternates } from "@/lib/site/seo";
import { iconVersion } from "@/lib/site/site-icon";

// Reader pages render per request from the live database, with no data cache yet:
// a publish, edit or settings change shows at once, whoever made it (admin, CLI,
// API, a test writing the database). Issue 7 adds the tagged cache in front.

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { title, description, siteIconUrl, logoUrl } = await siteSettings();
  return {
    metadataBase: new URL(`${siteUrl()}/`),
    title: { default: title, template: `%s · ${title}` },
    description,
    alternates: { types: feedAlternates({ title, base: "" }) },
    // Made from the owner's site icon or logo, or a default mark (lib/site/site-icon.ts);
    // ?v= changes with the icon, so a new one shows on the next page.
    icons: siteIcons(iconVersion(siteIconUrl || logoUrl || null)),
  };
}

function siteIcons(version: string): Metadata["icons"] {
  return {
    icon: [
      { url: `/favicon.ico?v=${version}`, sizes: "32x32" },
      ...[32, 192, 512].map((size) => ({
        url: `/icons/${size}.png?v=${version}`,
        sizes: `${size}x${size}`,
        type: "image/png",
      })),
    ],
    apple: { url: `/apple-touch-icon.png?v=${version}`, sizes: "180x180" },
  };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection(); // reader pages show the live database, never a build-time copy
  const settings = await siteSettings();
  const { title, description, logoUrl } = settings;
  const [navigation, footerLinks] = await Promise.all([navigationLinks(), navigationLinks("footerNavigation")]);
  // The owner's accent and fonts (Admin → Design) as custom properties: an inline style
  // attribute, which the CSP's style-src allows; no script involved.
  return (
    <div className={`site-design ${FONT_VARIABLES}`} style={siteDesignStyle(settings)}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "WebSite",
          name: title,
          description,
          url: `${siteUrl()}/`,
          potentialAction: {
            "@type": "SearchAction",
            target: `${siteUrl()}/search?q={query}`,
            "query-input": "required name=query",
          },
        }}
      />
      <SiteHeader title={title} description={description} logoUrl={logoUrl || null} navigation={navigation} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-10 focus:outline-none">
        {children}
      </main>
      <SiteFooter title={title} links={footerLinks} />
    </div>
  );
}
