import "server-only";
import { listFeaturedPosts } from "@/db/queries/post-lists";
import { loadListPage, perPage, siteSettings, toCards } from "./reader";

const MAX_PINNED = 3;

/**
 * The home page: featured posts pinned above page 1, then everything else newest
 * first. Pinned posts are left out of the list below so nothing shows twice, and
 * pagination counts only that list. Null when the page does not exist.
 */
export async function loadHomePage(page: number) {
  const pinnedRows = await listFeaturedPosts({ limit: MAX_PINNED });
  const list = await loadListPage({
    scope: { excludeIds: pinnedRows.map((row) => row.id) },
    page,
    perPage: await perPage(),
  });
  if (!list) return null;
  // Admin → Design: list or cards, and a cover image above page 1.
  const { homeLayout, coverImageUrl } = await siteSettings();
  return {
    pinned: page === 1 ? await toCards(pinnedRows) : [],
    ...list,
    layout: homeLayout === "cards" ? ("cards" as const) : ("list" as const),
    coverImageUrl: page === 1 && coverImageUrl ? coverImageUrl : null,
  };
}
