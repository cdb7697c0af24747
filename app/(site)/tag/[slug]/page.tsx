import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CollectionView } from "@/components/site/collection-view";
import { collectionJsonLd, collectionMetadata, loadCollectionPage } from "@/lib/collections";
import { siteSettings } from "@/lib/reader";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  return collectionMetadata("tag", (await params).slug, 1);
}

export default async function Page({ params }: Props) {
  await connection();
  const loaded = loadCollectionPage("tag", (await params).slug, 1);
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
