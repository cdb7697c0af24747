import "server-only";
import type { Metadata } from "next";
import { connection } from "next/server";
import { CollectionView } from "@/components/site/collection-view";
import {
  type CollectionKind,
  type CollectionParams,
  collectionJsonLd,
  collectionRouteMetadata,
  loadCollectionRoute,
} from "./collections";
import { siteSettings } from "./reader";

type RouteProps = { params: Promise<CollectionParams> };

/**
 * Everything a tag or author route exports: /tag/<slug>, /tag/<slug>/page/<n> and the
 * author twins are one page, told apart by `kind` and whether `n` is there.
 */
export function collectionRoute(kind: CollectionKind) {
  return {
    async generateMetadata({ params }: RouteProps): Promise<Metadata> {
      await connection();
      return collectionRouteMetadata(kind, await params);
    },
    async Page({ params }: RouteProps) {
      await connection(); // the live database, never a build-time copy
      const { collection, ...list } = await loadCollectionRoute(kind, await params);
      const { timezone } = await siteSettings();
      return <CollectionView {...collection} {...list} timeZone={timezone} jsonLd={collectionJsonLd(collection)} />;
    },
  };
}
