import "server-only";
import { listFeaturedPosts } from "@/db/queries/post-lists";
import { loadListPage, perPage, toCards } from "./reader";

const MAX_PINNED = 3;

/**
 * The home page: featured posts pinned above page 1, then everything else newest
 * first. Pinned posts are left out of the list below so nothing shows twice, and
 * pagination counts only that list. Null when the page does not exist.
 */
export function loadHomePage(page: number) {
  const pinnedRows = listFeaturedPosts({ limit: MAX_PINNED });
  const list = loadListPage({ scope: { excludeIds: pinnedRows.map((row) => row.id) }, page, perPage: perPage() });
  if (!list) return null;
  return { pinned: page === 1 ? toCards(pinnedRows) : [], ...list };
}
