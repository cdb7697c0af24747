import "server-only";
import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import TurndownService from "turndown";
import { unified } from "unified";
import { z } from "zod";

// Ghost's post body on add and edit. lexical/mobiledoc are accepted and ignored: Quire
// stores Markdown, so clients send `markdown`, or `html` (converted to Markdown).
const text = (max: number) => z.string().max(max).nullable().optional();
const tag = z.union([
  z.string().max(60),
  z.looseObject({ name: z.string().max(60).optional(), slug: z.string().max(80).optional() }),
]);

export const apiPostSchema = z.looseObject({
  title: z.string().max(250).optional(),
  slug: z.string().max(80).optional(),
  markdown: z.string().max(500_000).optional(),
  html: z.string().max(2_000_000).optional(),
  status: z.enum(["draft", "published", "scheduled"]).optional(),
  published_at: z.string().max(40).nullable().optional(),
  updated_at: z.string().max(40).optional(),
  tags: z.array(tag).max(20).optional(),
  custom_excerpt: text(500),
  feature_image: text(500),
  feature_image_alt: text(300),
  featured: z.boolean().optional(),
  meta_title: text(300),
  meta_description: text(500),
  canonical_url: text(500),
  og_title: text(300),
  og_description: text(500),
  og_image: text(500),
  twitter_title: text(300),
  twitter_description: text(500),
  twitter_image: text(500),
});
export type ApiPost = z.output<typeof apiPostSchema>;

export const postsBodySchema = z.object({ posts: z.array(apiPostSchema).length(1, "Send exactly one post.") });

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-" });

/** HTML from a client → Markdown, sanitised first so nothing unsafe survives into the source. */
export async function htmlToMarkdown(html: string): Promise<string> {
  const clean = String(
    await unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize).use(rehypeStringify).process(html),
  );
  return turndown.turndown(clean);
}

/** The editor's form fields the API input maps to (the same schema then checks them). */
export async function toFormFields(input: ApiPost, current: Record<string, unknown>): Promise<Record<string, unknown>> {
  const markdown = input.markdown ?? (input.html !== undefined ? await htmlToMarkdown(input.html) : undefined);
  const tags = input.tags
    ?.map((item) => (typeof item === "string" ? item : (item.name ?? item.slug ?? "")))
    .filter(Boolean);
  const pick = (value: string | null | undefined, key: string) => (value === undefined ? current[key] : value) ?? "";
  return {
    ...current,
    title: input.title ?? current.title ?? "",
    slug: input.slug ?? current.slug ?? "",
    markdown: markdown ?? current.markdown ?? "",
    tags: tags ? tags.join(",") : (current.tags ?? ""),
    featured: input.featured ?? current.featured ?? false,
    customExcerpt: pick(input.custom_excerpt, "customExcerpt"),
    featureImage: pick(input.feature_image, "featureImage"),
    featureImageAlt: pick(input.feature_image_alt, "featureImageAlt"),
    metaTitle: pick(input.meta_title, "metaTitle"),
    metaDescription: pick(input.meta_description, "metaDescription"),
    canonicalUrl: pick(input.canonical_url, "canonicalUrl"),
    ogTitle: pick(input.og_title, "ogTitle"),
    ogDescription: pick(input.og_description, "ogDescription"),
    ogImage: pick(input.og_image, "ogImage"),
    twitterTitle: pick(input.twitter_title, "twitterTitle"),
    twitterDescription: pick(input.twitter_description, "twitterDescription"),
    twitterImage: pick(input.twitter_image, "twitterImage"),
  };
}
