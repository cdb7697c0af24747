import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { CommentSection } from "@/components/comments/comment-section";
import { PostMeta } from "@/components/site/post-meta";
import { getPublishedBySlug } from "@/db/queries/posts";
import { loadCommentSection } from "@/lib/comments/section";
import { deriveExcerpt, readingTime } from "@/lib/markdown";

type Props = { params: Promise<{ slug: string }> };

// Metadata and page share one query per request.
const findPost = cache((slug: string) => (slug.length <= 200 ? getPublishedBySlug({ slug }) : undefined));

async function loadPost({ params }: Props) {
  await connection();
  return findPost((await params).slug);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const post = await loadPost(props);
  if (!post) return {};
  return { title: post.title, description: post.customExcerpt || deriveExcerpt(post.plaintext, 160) };
}

export default async function PostPage(props: Props) {
  const post = await loadPost(props);
  if (!post) notFound();
  return (
    <article>
      <header className="mb-8">
        <h1 className="text-4xl font-bold tracking-tight">{post.title}</h1>
        {post.type === "post" && (
          <PostMeta author={post.authorName} date={post.publishedAt} minutes={readingTime(post.wordCount)} />
        )}
      </header>
      {/* Sanitised by lib/markdown when the post was saved. */}
      <div className="prose prose-zinc max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: post.html }} />
      {post.type === "post" && <CommentSection data={loadCommentSection({ postId: post.id })} />}
    </article>
  );
}
