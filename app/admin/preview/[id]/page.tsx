import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostArticle } from "@/components/site/post-article";
import { getPostForEditor } from "@/db/queries/post-editor";
import { tagsByPost } from "@/db/queries/post-lists";
import { getSettings } from "@/db/queries/settings";
import { idOf } from "@/lib/posts/admin-kind";
import { readingTime } from "@/lib/markdown/render";
import { requireStaff } from "@/lib/page-guards";
import { editScope } from "@/lib/posts/access";

export const metadata: Metadata = { title: "Preview · Quire", robots: { index: false } };

// Staff only: the saved draft rendered by the reader page's own <PostArticle>, before anyone else can see it.
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idOf((await params).id);
  const user = await requireStaff(`/admin/preview/${id}`);
  const post = await getPostForEditor({ id, scope: editScope(user) });
  if (!post) notFound();
  const { title, timezone } = await getSettings();
  return (
    <>
      <p role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
        Preview of a {post.status} {post.type}: only staff can see this page.{" "}
        <Link href={`/admin/${post.type}s/${post.id}`} className="text-amber-950 underline">
          Back to the editor
        </Link>
      </p>
      <header className="mx-auto max-w-3xl px-4 pt-8 text-sm font-semibold">{title}</header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-10">
        <PostArticle
          article={{
            ...post,
            author: { name: post.authorName },
            // A draft carries the date it would get if it were published now.
            date: post.publishedAt ?? new Date(),
            minutes: readingTime(post.wordCount),
            tags: (await tagsByPost([post.id])).get(post.id) ?? [],
          }}
          timeZone={timezone}
        />
      </main>
    </>
  );
}
