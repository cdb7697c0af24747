import "server-only";
import type { Metadata } from "next";
import type { PublishedPost } from "@/db/queries/posts";
import { deriveExcerpt } from "../markdown/render";
import { absoluteUrl, personJsonLd } from "../site/seo";

/** The post's own description, else one derived from its body. */
export function postDescription(post: PublishedPost): string {
  return post.metaDescription || post.customExcerpt || deriveExcerpt(post.plaintext, 160);
}

/** Title, description, canonical, Open Graph and Twitter for a post or page; the image falls back to a generated card. */
export function postMetadata(post: PublishedPost, siteTitle: string): Metadata {
  const description = postDescription(post);
  const path = `/${post.slug}`;
  const image = absoluteUrl(post.ogImage || post.featureImage || `/og/${post.slug}`);
  const twitterImage = absoluteUrl(post.twitterImage || post.ogImage || post.featureImage || `/og/${post.slug}`);
  return {
    title: post.metaTitle || post.title,
    description,
    alternates: { canonical: post.canonicalUrl || path },
    openGraph: {
      type: post.type === "post" ? "article" : "website",
      siteName: siteTitle,
      url: path,
      title: post.ogTitle || post.title,
      description: post.ogDescription || description,
      images: [{ url: image, alt: post.featureImageAlt ?? post.title }],
      ...(post.type === "post" && post.publishedAt
        ? {
            publishedTime: post.publishedAt.toISOString(),
            modifiedTime: post.updatedAt.toISOString(),
            authors: [absoluteUrl(`/author/${post.authorSlug}`)],
          }
        : {}),
    },
    twitter: {
      card: "summary_large_image",
      title: post.twitterTitle || post.ogTitle || post.title,
      description: post.twitterDescription || post.ogDescription || description,
      images: [twitterImage],
    },
  };
}

export function blogPostingJsonLd(post: PublishedPost, tags: { name: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    description: postDescription(post),
    url: absoluteUrl(`/${post.slug}`),
    mainEntityOfPage: absoluteUrl(`/${post.slug}`),
    image: absoluteUrl(post.featureImage || `/og/${post.slug}`),
    datePublished: post.publishedAt?.toISOString(),
    dateModified: post.updatedAt.toISOString(),
    wordCount: post.wordCount,
    keywords: tags.map((tag) => tag.name).join(", ") || undefined,
    author: personJsonLd({
      name: post.authorName,
      slug: post.authorSlug,
      bio: post.authorBio,
      avatarUrl: post.authorAvatarUrl,
    }),
  };
}
