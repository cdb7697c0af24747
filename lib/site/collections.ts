import "server-only";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { getAuthorBySlug } from "@/db/queries/authors";
import { getTagBySlug } from "@/db/queries/tags";
import { loadListPage, parsePageNumber, perPage, siteSettings, slugParam } from "./reader";
import { absoluteUrl, breadcrumbJsonLd, listMetadata, personJsonLd } from "./seo";

// Tag and author archives: the same list, scoped, with their own description and feeds.

export type CollectionKind = "tag" | "author";

async function findCollection(kind: CollectionKind, rawSlug: string) {
  const slug = slugParam(rawSlug);
  if (slug.length > 200) return undefined;
  if (kind === "tag") {
    const tag = await getTagBySlug({ slug });
    return (
      tag && {
        kind,
        slug: tag.slug,
        name: tag.name,
        description: tag.description,
        avatarUrl: null,
        scope: { tagId: tag.id },
      }
    );
  }
  const author = await getAuthorBySlug({ slug });
  return (
    author && {
      kind,
      slug: author.slug,
      name: author.name,
      description: author.bio,
      avatarUrl: author.avatarUrl,
      scope: { authorId: author.id },
    }
  );
}

export type Collection = NonNullable<Awaited<ReturnType<typeof findCollection>>>;

/**
 * A tag or author page, or null (404) when the tag, author or page number does not exist.
 * Once per request: generateMetadata and the page both ask for it (React's cache).
 */
export const loadCollectionPage = cache(async (kind: CollectionKind, slug: string, page: number) => {
  const collection = await findCollection(kind, slug);
  if (!collection) return null;
  const list = await loadListPage({ scope: collection.scope, page, perPage: await perPage() });
  if (!list) return null;
  // A tag with no published post is not a page readers can reach.
  if (kind === "tag" && list.total === 0) return null;
  return { collection, ...list, page };
});

export async function collectionMetadata(kind: CollectionKind, slug: string, page: number): Promise<Metadata> {
  const loaded = await loadCollectionPage(kind, slug, page);
  if (!loaded) return {};
  const { collection } = loaded;
  const siteTitle = (await siteSettings()).title;
  const base = `/${kind}/${collection.slug}`;
  const title = `${kind === "tag" ? `Posts tagged ${collection.name}` : `Posts by ${collection.name}`}${page > 1 ? `, page ${page}` : ""}`;
  const description =
    collection.description ||
    (kind === "tag"
      ? `Everything tagged ${collection.name} on ${siteTitle}.`
      : `Everything ${collection.name} wrote on ${siteTitle}.`);
  return listMetadata({
    title,
    description,
    path: page > 1 ? `${base}/page/${page}` : base,
    feeds: { title: `${siteTitle}: ${collection.name}`, base },
    siteTitle,
  });
}

export function collectionJsonLd(collection: Collection) {
  const path = `/${collection.kind}/${collection.slug}`;
  const crumbs = breadcrumbJsonLd([
    { name: "Home", path: "/" },
    { name: collection.name, path },
  ]);
  if (collection.kind === "tag") return [crumbs];
  return [
    crumbs,
    {
      "@context": "https://schema.org",
      ...personJsonLd({
        name: collection.name,
        slug: collection.slug,
        bio: collection.description,
        avatarUrl: collection.avatarUrl,
      }),
      mainEntityOfPage: absoluteUrl(path),
    },
  ];
}

/** What a tag or author route receives: `n` only on /<kind>/<slug>/page/<n>. */
export type CollectionParams = { slug: string; n?: string };

/** The page number the route names: 1 without `n`, null for anything but a page number from 2 up. */
function pageOf({ n }: CollectionParams): number | null {
  return n === undefined ? 1 : parsePageNumber(n);
}

/** The page a tag or author route shows; /page/1 redirects to the first page, anything missing is a 404. */
export async function loadCollectionRoute(kind: CollectionKind, params: CollectionParams) {
  if (params.n === "1") permanentRedirect(`/${kind}/${encodeURIComponent(params.slug)}`);
  const page = pageOf(params);
  const loaded = page ? await loadCollectionPage(kind, params.slug, page) : null;
  if (!loaded) notFound();
  return loaded;
}

export async function collectionRouteMetadata(kind: CollectionKind, params: CollectionParams): Promise<Metadata> {
  const page = pageOf(params);
  return page ? collectionMetadata(kind, params.slug, page) : {};
}
