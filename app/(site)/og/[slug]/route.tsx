// GET /og/<slug> — a published post's generated social card; 404 for anything else.
import { connection } from "next/server";
import { getPublishedBySlug } from "@/db/queries/posts";
import { ogCard } from "@/lib/site/og-card";
import { siteSettings } from "@/lib/site/reader";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const post = slug.length <= 200 ? await getPublishedBySlug({ slug }) : undefined;
  if (!post)
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return ogCard({
    title: post.title,
    site: (await siteSettings()).title,
    subtitle: post.type === "post" ? post.authorName : undefined,
  });
}
