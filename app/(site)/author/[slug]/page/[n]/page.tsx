import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { CollectionView } from "@/components/site/collection-view";
import { collectionJsonLd, collectionMetadata, loadCollectionPage } from "@/lib/collections";
import { parsePageNumber, siteSettings } from "@/lib/reader";

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  return page ? collectionMetadata("author", slug, page) : {};
}

export default async function Page({ params }: Props) {
  await connection();
  const { slug, n } = await params;
  if (n === "1") permanentRedirect(`/author/${encodeURIComponent(slug)}`);
  const page = parsePageNumber(n);
  const loaded = page ? loadCollectionPage("author", slug, page) : null;
  if (!loaded) notFound();
  const { collection, ...list } = loaded;
  return (
    <CollectionView
      {...collection}
      {...list}
      timeZone={siteSettings().timezone}
      jsonLd={collectionJsonLd(collection)}
    />
  );
}
