// GET /<slug>/comments.xml — RSS 2.0 of a post's approved comments, newest first.
import { Feed } from "feed";
import { getPostForCommentFeed, listCommentsForFeed } from "@/db/queries/comments";
import { getSettings } from "@/db/queries/settings";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic"; // always the live database: approvals show at once

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = slug.length <= 200 ? await getPostForCommentFeed({ slug }) : undefined;
  if (!post) return Response.json({ error: "No such post." }, { status: 404 });
  const site = siteUrl();
  const postUrl = `${site}/${post.slug}`;
  const comments = await listCommentsForFeed({ postId: post.id, limit: 50 });
  const feed = new Feed({
    title: `Comments on “${post.title}” · ${(await getSettings()).title}`,
    description: `Comments on “${post.title}”`,
    id: postUrl,
    link: postUrl,
    copyright: "",
    updated: comments[0]?.createdAt ?? post.publishedAt ?? new Date(0),
    generator: "Quire",
    feedLinks: { rss: `${postUrl}/comments.xml` },
  });
  for (const comment of comments) {
    feed.addItem({
      title: `${comment.authorName} on “${post.title}”`,
      id: `${postUrl}#comment-${comment.id}`,
      link: `${postUrl}#comment-${comment.id}`,
      content: comment.html, // sanitised at save time
      author: [{ name: comment.authorName }],
      date: comment.createdAt,
    });
  }
  return new Response(feed.rss2(), {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
