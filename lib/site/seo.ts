import "server-only";
import type { Metadata } from "next";
import { siteUrl } from "../env";

/** An absolute address on this site: "/tag/news" → "https://example.com/tag/news". */
export function absoluteUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

type FeedSet = { title: string; base: string };

/** `<link rel="alternate">` for the RSS, Atom and JSON feeds under `base` ("" for the site). */
export function feedAlternates({ title, base }: FeedSet): NonNullable<Metadata["alternates"]>["types"] {
  return {
    "application/rss+xml": [{ url: `${base}/rss.xml`, title: `${title} (RSS)` }],
    "application/atom+xml": [{ url: `${base}/atom.xml`, title: `${title} (Atom)` }],
    "application/feed+json": [{ url: `${base}/feed.json`, title: `${title} (JSON Feed)` }],
  };
}

/** Title, description, canonical, Open Graph and Twitter tags for a list page (home, tag, author…). */
export function listMetadata({
  title,
  description,
  path,
  feeds,
  siteTitle,
}: {
  title?: string;
  description: string;
  path: string;
  feeds?: FeedSet;
  siteTitle: string;
}): Metadata {
  const image = absoluteUrl("/og");
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path, ...(feeds ? { types: feedAlternates(feeds) } : {}) },
    openGraph: {
      type: "website",
      siteName: siteTitle,
      title: title ?? siteTitle,
      description,
      url: path,
      images: [{ url: image, width: 1200, height: 630 }],
    },
    twitter: { card: "summary_large_image", title: title ?? siteTitle, description, images: [image] },
  };
}

export function breadcrumbJsonLd(items: { name: string; path: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path),
    })),
  };
}

export function personJsonLd(author: { name: string; slug: string; bio?: string; avatarUrl?: string | null }) {
  return {
    "@type": "Person",
    name: author.name,
    url: absoluteUrl(`/author/${author.slug}`),
    ...(author.bio ? { description: author.bio } : {}),
    ...(author.avatarUrl ? { image: absoluteUrl(author.avatarUrl) } : {}),
  };
}
