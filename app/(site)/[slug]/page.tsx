import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { AuthorBox } from "@/components/site/author-box";
import { JsonLd } from "@/components/site/json-ld";
import { PostArticle } from "@/components/site/post-article";
import { PostNav } from "@/components/site/post-nav";
import { tagsByPost } from "@/db/queries/post-lists";
import { getAdjacentPosts, getPublishedBySlug, listRelatedPosts } from "@/db/queries/posts";
import { readingTime } from "@/lib/markdown/render";
import { blogPostingJsonLd, postMetadata } from "@/lib/posts/seo";
import { siteSettings, slugParam } from "@/lib/site/reader";
import { breadcrumbJsonLd } from "@/lib/site/seo";
import { CommentSection } from "@/components/comments/comment-section";
import { loadCommentSection } from "@/lib/comments/section";

type Props = { params: Promise<{ slug: string }> };

// Metadata and page share one query per request. Slugs are short: a long one cannot exist.
const findPost = cache((slug: string) => (slug.length <= 200 ? getPublishedBySlug({ slug }) : undefined));

async function loadPost({ params }: Props) {
  await connection();
  const slug = slugParam((await params).slug);
  const post = await findPost(slug);
  if (post) return post;
  // (Old slugs answer 301 in proxy.ts, before this page runs.)
  notFound();
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return postMetadata(await loadPost(props), (await siteSettings()).title);
}

export default async function PostPage(props: Props) {
  const post = await loadPost(props);
  const { timezone } = await siteSettings();
  const isPost = post.type === "post";
  const tags = isPost ? ((await tagsByPost([post.id])).get(post.id) ?? []) : [];
  const adjacent =
    isPost && post.publishedAt
      ? await getAdjacentPosts({ id: post.id, publishedAt: post.publishedAt })
      : { older: undefined, newer: undefined };
  const related = isPost ? await listRelatedPosts({ id: post.id }) : [];
  const comments = isPost ? await loadCommentSection({ postId: post.id }) : null;
  const crumbs = [
    { name: "Home", path: "/" },
    ...(tags[0] ? [{ name: tags[0].name, path: `/tag/${tags[0].slug}` }] : []),
    { name: post.title, path: `/${post.slug}` },
  ];
  return (
    <>
      {isPost && <JsonLd data={blogPostingJsonLd(post, tags)} />}
      <JsonLd data={breadcrumbJsonLd(crumbs)} />
      <PostArticle
        article={{
          ...post,
          author: { name: post.authorName, slug: post.authorSlug },
          date: post.publishedAt,
          minutes: readingTime(post.wordCount),
          tags,
        }}
        timeZone={timezone}
      >
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
            <CommentSection data={comments} />
          </>
        )}
      </PostArticle>
    </>
  );
}
