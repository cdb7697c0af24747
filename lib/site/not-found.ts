import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuthorBySlug } from "@/db/queries/authors";
import { isPublishedSlug } from "@/db/queries/posts";
import { getTagBySlug } from "@/db/queries/tags";
import { siteSettings } from "./reader";
import { searchSite } from "./search";
import { wordsOfPath } from "./search-query";
import { MISSING_PATH_HEADER } from "../utils/request-path";

const STATIC_PAGES = new Set(["archive", "search", "page"]);

/**
 * Next renders each not-found boundary alongside every page, not only on a 404, so the
 * search runs only when the address names nothing that exists (one indexed lookup).
 */
async function namesNothing(path: string): Promise<boolean> {
  let segments: string[];
  try {
    segments = decodeURIComponent(path).split("/").filter(Boolean);
  } catch {
    return true;
  }
  const [first, second] = segments;
  if (!first || (segments.length === 1 && STATIC_PAGES.has(first)) || first === "page") return false;
  if (segments.length === 1) return first.length > 200 || !(await isPublishedSlug(first));
  if (
    (first === "tag" || first === "author") &&
    second &&
    second.length <= 200 &&
    (segments.length === 2 || segments[2] === "page")
  ) {
    return first === "tag" ? !(await getTagBySlug({ slug: second })) : !(await getAuthorBySlug({ slug: second }));
  }
  return true;
}

/** What the reader 404 offers: the words of the missing address and posts matching any of them. */
export const notFoundSuggestions = cache(async () => {
  // proxy.ts copies the requested path here: a not-found page gets no params of its own.
  const path = (await headers()).get(MISSING_PATH_HEADER) ?? "";
  const words = (await namesNothing(path)) ? wordsOfPath(path) : "";
  const results = words ? (await searchSite(words, { limit: 5, anyWord: true })).results : [];
  return { words, results, timeZone: (await siteSettings()).timezone };
});
