import "server-only";
import { cache } from "react";
import {
  type ListScope,
  type PostCard,
  countPublishedPosts,
  cursorAtOffset,
  listPublishedPosts,
  tagsByPost,
} from "@/db/queries/post-lists";
import { getSettings } from "@/db/queries/settings";
import type { PostCardData } from "@/components/site/post-card";
import { deriveExcerpt, readingTime } from "../markdown/render";
import { type NavLink, reachableLinks } from "./navigation";

// Shared by the reader pages: settings once per request, cards, and page numbers.

export const siteSettings = cache(() => getSettings());

/** Rows from db/queries → what a card shows, with each post's tags. */
export async function toCards(rows: PostCard[]): Promise<PostCardData[]> {
  const tags = await tagsByPost(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    slug: row.slug,
    excerpt: row.customExcerpt || deriveExcerpt(row.plaintext),
    publishedAt: row.publishedAt,
    minutes: readingTime(row.wordCount),
    author: { name: row.authorName, slug: row.authorSlug },
    tags: tags.get(row.id) ?? [],
    commentCount: row.commentCount,
    featureImage: row.featureImage,
    featureImageAlt: row.featureImageAlt,
    featured: row.featured,
  }));
}

/** A slug from the URL: page params arrive still percent-encoded ("caf%C3%A9"). */
export function slugParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed escape matches no slug
  }
}

/** "2" → 2; anything but a plain page number from 2 up ("1", "-1", "02", "1e9", "abc") → null. */
export function parsePageNumber(raw: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page >= 2 ? page : null;
}

/**
 * Page `page` of a list, read by keyset (the cursor is found on the index); null
 * when the page does not exist, so the route answers 404.
 */
export async function loadListPage({ scope, page, perPage }: { scope: ListScope; page: number; perPage: number }) {
  const total = await countPublishedPosts(scope);
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  if (page > totalPages) return null;
  const before = await cursorAtOffset(scope, (page - 1) * perPage);
  if (page > 1 && !before) return null;
  return { cards: await toCards(await listPublishedPosts({ limit: perPage, before, scope })), totalPages, total };
}

/**
 * A menu's links from settings (the header's "navigation", the footer's "footerNavigation"):
 * only site paths and http(s) addresses, whatever is stored, and no link to a post or page
 * that is not published (lib/site/navigation.ts).
 */
export async function navigationLinks(menu: "navigation" | "footerNavigation" = "navigation"): Promise<NavLink[]> {
  const stored = (await siteSettings())[menu];
  if (!Array.isArray(stored)) return [];
  return reachableLinks(
    stored.filter(
      (link): link is NavLink =>
        typeof link?.label === "string" &&
        typeof link?.url === "string" &&
        link.label.trim() !== "" &&
        (/^\/(?!\/)/.test(link.url) || /^https?:\/\//i.test(link.url)),
    ),
  );
}

/** Posts per page from settings, kept within sane bounds whatever is stored. */
export async function perPage(): Promise<number> {
  const value = Number((await siteSettings()).postsPerPage);
  return Number.isInteger(value) ? Math.min(Math.max(value, 1), 100) : 10;
}
