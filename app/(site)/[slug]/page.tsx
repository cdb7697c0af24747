import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { AuthorBox } from "@/components/site/author-box";
import { JsonLd } from "@/components/site/json-ld";
import { PostMeta } from "@/components/site/post-meta";
import { PostNav } from "@/components/site/post-nav";
import { TagList } from "@/components/site/tag-list";
import { tagsByPost } from "@/db/queries/post-lists";
import { getAdjacentPosts, getPublishedBySlug, listRelatedPosts } from "@/db/queries/posts";
import { readingTime } from "@/lib/markdown";
import { blogPostingJsonLd, postMetadata } from "@/lib/post-seo";
import { siteSettings, slugParam } from "@/lib/reader";
import { breadcrumbJsonLd } from "@/lib/seo";
import { CommentSection } from "@/components/comments/comment-section";
import { loadCommentSection } from "@/lib/comments/section";

type Props = { params: Promise<{ slug: string }> };

// Metadata and page share one query per request. Slugs are short: a long one cannot exist.
const findPost = cache((slug: string) => (slug.length <= 200 ? getPublishedBySlug({ slug }) : undefined));

async function loadPost({ params }: Props) {
  await connection();
  const slug = slugParam((await params).slug);
  const post = findPost(slug);
  if (post) return post;
  // (Old slugs answer 301 in proxy.ts, before this page runs.)
  notFound();
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return postMetadata(await loadPost(props), siteSettings().title);
}

export default async function PostPage(props: Props) {
  const post = await loadPost(props);
  const { timezone } = siteSettings();
  const isPost = post.type === "post";
  const tags = isPost ? (tagsByPost([post.id]).get(post.id) ?? []) : [];
  const adjacent =
    isPost && post.publishedAt
      ? getAdjacentPosts({ id: post.id, publishedAt: post.publishedAt })
      : { older: undefined, newer: undefined };
  const related = isPost ? listRelatedPosts({ id: post.id }) : [];
  const crumbs = [
    { name: "Home", path: "/" },
    ...(tags[0] ? [{ name: tags[0].name, path: `/tag/${tags[0].slug}` }] : []),
    { name: post.title, path: `/${post.slug}` },
  ];
  return (
    <article>
      {isPost && <JsonLd data={blogPostingJsonLd(post, tags)} />}
      <JsonLd data={breadcrumbJsonLd(crumbs)} />
      <header className="mb-8 space-y-3">
        <h1 className="text-4xl font-bold tracking-tight text-balance">{post.title}</h1>
        {isPost && (
          <PostMeta
            author={{ name: post.authorName, slug: post.authorSlug }}
            date={post.publishedAt}
            minutes={readingTime(post.wordCount)}
            timeZone={timezone}
          />
        )}
        {isPost && <TagList tags={tags} />}
      </header>
      {post.featureImage && (
        // eslint-disable-next-line @next/next/no-img-element -- stored images are already resized at upload
        <img src={post.featureImage} alt={post.featureImageAlt ?? ""} className="mb-8 w-full rounded-lg" />
      )}
      {/* Sanitised by lib/markdown when the post was saved. */}
      <div
        className="prose prose-zinc max-w-none dark:prose-invert prose-pre:p-0"
        dangerouslySetInnerHTML={{ __html: post.html }}
      />
      {isPost && (
        <>
          <AuthorBox
            author={{
              name: post.authorName,
              slug: post.authorSlug,
              bio: post.authorBio,
              avatarUrl: post.authorAvatarUrl,
            }}
          />
          <PostNav older={adjacent.older} newer={adjacent.newer} related={related} />
          <CommentSection data={loadCommentSection({ postId: post.id })} />
        </>
      )}
    </article>
  );
}
