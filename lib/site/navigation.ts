import "server-only";
import { findRedirect } from "@/db/queries/redirects";
import { isPublishedSlug } from "@/db/queries/posts";

export type NavLink = { label: string; url: string };

// Site paths that are routes of their own, whatever the posts are called.
const OWN_ROUTES = new Set(["archive", "search", "rss.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt"]);

/** The slug a site link names ("/about", "/about#team" → "about"), or null when it is no post or page address. */
export function postSlugOf(url: string): string | null {
  const segment = /^\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1];
  if (!segment) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return OWN_ROUTES.has(slug) ? null : slug;
}

/**
 * The links that lead somewhere: a link to a post or page slug stays only while that
 * post or page is published (or its old address redirects to where it lives now), so a
 * site set up without the starter About page shows no link that answers 404.
 */
export async function reachableLinks(
  links: NavLink[],
  exists: (slug: string) => Promise<boolean> = slugAnswers,
): Promise<NavLink[]> {
  const reachable = await Promise.all(
    links.map(async (link) => {
      const slug = postSlugOf(link.url);
      return slug === null || (await exists(slug));
    }),
  );
  return links.filter((_, i) => reachable[i]);
}

async function slugAnswers(slug: string): Promise<boolean> {
  if (slug.length > 200) return false;
  return (await isPublishedSlug(slug)) || (await findRedirect({ fromPath: `/${slug}` })) !== undefined;
}
