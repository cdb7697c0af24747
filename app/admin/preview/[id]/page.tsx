import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPostForEditor } from "@/db/queries/post-editor";
import { getSettings } from "@/db/queries/settings";
import { idOf } from "@/lib/admin-kind";
import { readingTime } from "@/lib/markdown";
import { requireStaff } from "@/lib/page-guards";
import { editScope } from "@/lib/post-access";

export const metadata: Metadata = { title: "Preview · Quire", robots: { index: false } };

// Staff only: the saved draft in the reader site's typography, before anyone else can see it.
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idOf((await params).id);
  const user = await requireStaff(`/admin/preview/${id}`);
  const post = getPostForEditor({ id, scope: editScope(user) });
  if (!post) notFound();
  const { title } = getSettings();
  return (
    <>
      <p role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
        Preview of a {post.status} {post.type}: only staff can see this page.{" "}
        <Link href={`/admin/${post.type}s/${post.id}`} className="text-amber-950 underline">
          Back to the editor
        </Link>
      </p>
      <header className="mx-auto max-w-3xl px-4 pt-8 text-sm font-semibold">{title}</header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <article>
          <header className="mb-8">
            <h1 className="text-4xl font-bold tracking-tight">{post.title}</h1>
            {post.type === "post" && (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
                {post.authorName} · {readingTime(post.wordCount)} min read
              </p>
            )}
          </header>
          {post.featureImage && (
            // eslint-disable-next-line @next/next/no-img-element -- uploaded media, served as is
            <img src={post.featureImage} alt={post.featureImageAlt ?? ""} className="mb-8 w-full rounded-md" />
          )}
          {/* Sanitised by lib/markdown when the post was saved. */}
          <div
            className="prose prose-zinc max-w-none dark:prose-invert"
            dangerouslySetInnerHTML={{ __html: post.html }}
          />
        </article>
      </main>
    </>
  );
}
