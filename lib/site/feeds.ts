import "server-only";
import { Feed } from "feed";
import { getAuthorBySlug } from "@/db/queries/authors";
import { listFeedPosts, type ListScope } from "@/db/queries/post-lists";
import { getTagBySlug } from "@/db/queries/tags";
import { siteUrl } from "../env";
import { deriveExcerpt } from "../markdown/render";
import { siteSettings, slugParam } from "./reader";
import { rss2 } from "./rss";

const FEED_SIZE = 20;

export type FeedFormat = "rss" | "atom" | "json";

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

type Source = { base: string; title: string; description: string; scope: ListScope };

async function findSource(kind: "site" | "tag" | "author", rawSlug?: string): Promise<Source | null> {
  const slug = rawSlug === undefined ? undefined : slugParam(rawSlug);
  const site = await siteSettings();
  if (kind === "site") return { base: "", title: site.title, description: site.description, scope: {} };
  if (!slug || slug.length > 200) return null;
  if (kind === "tag") {
    const tag = await getTagBySlug({ slug });
    return tag
      ? {
          base: `/tag/${tag.slug}`,
          title: `${site.title}: ${tag.name}`,
          description: tag.description || `Posts tagged ${tag.name}`,
          scope: { tagId: tag.id },
        }
      : null;
  }
  const author = await getAuthorBySlug({ slug });
  return author
    ? {
        base: `/author/${author.slug}`,
        title: `${site.title}: ${author.name}`,
        description: author.bio || `Posts by ${author.name}`,
        scope: { authorId: author.id },
      }
    : null;
}

async function buildFeed(source: Source, format: FeedFormat): Promise<string> {
  const origin = siteUrl();
  const { feedFullContent } = await siteSettings();
  const posts = await listFeedPosts({ limit: FEED_SIZE, scope: source.scope });
  const updated = posts.reduce((latest, post) => (post.updatedAt > latest ? post.updatedAt : latest), new Date(0));
  const channel = {
    title: source.title,
    description: source.description,
    link: `${origin}${source.base}/`,
    language: "en",
    updated: posts.length ? updated : new Date(0),
    generator: "Quire",
    copyright: `© ${source.title}`,
  };
  const items = posts.map((post) => ({
    link: `${origin}/${post.slug}`,
    title: post.title,
    updated: post.updatedAt,
    published: post.publishedAt ?? post.updatedAt,
    description: post.customExcerpt || deriveExcerpt(post.plaintext),
    // Stored HTML is sanitised at save time; links in it are made absolute below.
    content: feedFullContent ? absolutize(post.html, origin) : undefined,
    authorName: post.authorName,
    authorLink: `${origin}/author/${post.authorSlug}`,
    image: post.featureImage ? absoluteUrl(post.featureImage, origin) : undefined,
  }));
  if (format === "rss") return rss2({ ...channel, self: `${origin}${source.base}/rss.xml`, items });
  const feed = new Feed({
    ...channel,
    id: `${origin}${source.base}/`,
    feedLinks: {
      rss: `${origin}${source.base}/rss.xml`,
      atom: `${origin}${source.base}/atom.xml`,
      json: `${origin}${source.base}/feed.json`,
    },
  });
  for (const item of items) {
    feed.addItem({
      id: item.link,
      guid: item.link,
      link: item.link,
      title: item.title,
      date: item.updated,
      published: item.published,
      description: item.description,
      content: item.content,
      author: [{ name: item.authorName, link: item.authorLink }],
      ...(item.image ? { image: item.image } : {}),
    });
  }
  if (format === "atom") return feed.atom1();
  return toJsonFeed11(feed.json1());
}

// The feed package writes JSON Feed 1.0; 1.1 renames `author` to `authors` (a list) and adds `language`.
function toJsonFeed11(json: string): string {
  const data = JSON.parse(json) as Record<string, unknown> & { items?: Record<string, unknown>[] };
  data.version = "https://jsonfeed.org/version/1.1";
  data.language = "en";
  const fixAuthor = (entry: Record<string, unknown>) => {
    if (entry.author) {
      entry.authors = [entry.author];
      delete entry.author;
    }
  };
  fixAuthor(data);
  for (const item of data.items ?? []) fixAuthor(item);
  return JSON.stringify(data);
}

function absoluteUrl(url: string, origin: string): string {
  return url.startsWith("/") && !url.startsWith("//") ? `${origin}${url}` : url;
}

// Feed readers resolve relative links against the feed, not the post: make them absolute.
function absolutize(html: string, origin: string): string {
  return html.replace(
    /(\s(?:href|src)=")(\/(?!\/)[^"]*)"/g,
    (_, attr: string, path: string) => `${attr}${origin}${path}"`,
  );
}

/** The HTTP answer for a feed: 404 when the tag or author does not exist. */
export async function feedResponse(
  format: FeedFormat,
  kind: "site" | "tag" | "author",
  slug?: string,
): Promise<Response> {
  const source = await findSource(kind, slug);
  if (!source)
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(await buildFeed(source, format), {
    headers: { "content-type": CONTENT_TYPES[format], "cache-control": "public, max-age=0, must-revalidate" },
  });
}
