import "server-only";
import { posts } from "../schema";

/** A post's image, SEO and social fields: selected together by the reader, the editor and the APIs. */
export const postPresentationColumns = {
  featureImage: posts.featureImage,
  featureImageAlt: posts.featureImageAlt,
  metaTitle: posts.metaTitle,
  metaDescription: posts.metaDescription,
  canonicalUrl: posts.canonicalUrl,
  ogTitle: posts.ogTitle,
  ogDescription: posts.ogDescription,
  ogImage: posts.ogImage,
  twitterTitle: posts.twitterTitle,
  twitterDescription: posts.twitterDescription,
  twitterImage: posts.twitterImage,
};
