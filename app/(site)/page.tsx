import Link from "next/link";
import { connection } from "next/server";
import { PostMeta } from "@/components/site/post-meta";
import { listPublishedPosts } from "@/db/queries/posts";
import { getSettings } from "@/db/queries/settings";
import { deriveExcerpt, readingTime } from "@/lib/markdown";

export default async function HomePage() {
  await connection();
  const { postsPerPage } = getSettings();
  const posts = listPublishedPosts({ limit: postsPerPage });
  return (
    <>
      <h1 className="sr-only">Latest posts</h1>
      {posts.length === 0 && <p>Nothing published yet.</p>}
      <ol className="space-y-10">
        {posts.map((post) => (
          <li key={post.id}>
            <article>
              <h2 className="text-2xl font-bold">
                <Link href={`/${post.slug}`} className="text-zinc-900 no-underline hover:underline dark:text-zinc-100">
                  {post.title}
                </Link>
              </h2>
              <PostMeta author={post.authorName} date={post.publishedAt} minutes={readingTime(post.wordCount)} />
              <p className="mt-2">{post.customExcerpt || deriveExcerpt(post.plaintext)}</p>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
