import type { ReactNode } from "react";
import { PostMeta } from "./post-meta";
import { TagList } from "./tag-list";

export type ArticleData = {
  type: "post" | "page";
  title: string;
  /** Sanitised by lib/markdown/render when the post was saved. */
  html: string;
  featureImage: string | null;
  featureImageAlt: string | null;
  author: { name: string; slug?: string };
  date: Date | null;
  minutes: number;
  tags: { name: string; slug: string }[];
};

/**
 * A post or page as readers see it: title, byline, tags, image and body. The reader page
 * and the staff preview both render this, so the preview cannot drift from the site.
 * `children` follow the body (the author box, neighbours and comments on the reader page).
 */
export function PostArticle({
  article,
  timeZone,
  children,
}: {
  article: ArticleData;
  timeZone: string;
  children?: ReactNode;
}) {
  const isPost = article.type === "post";
  return (
    <article>
      <header className="mb-8 space-y-3">
        <h1 className="text-4xl font-bold tracking-tight text-balance">{article.title}</h1>
        {isPost && (
          <PostMeta author={article.author} date={article.date} minutes={article.minutes} timeZone={timeZone} />
        )}
        {isPost && <TagList tags={article.tags} />}
      </header>
      {article.featureImage && (
        // eslint-disable-next-line @next/next/no-img-element -- stored images are already resized at upload
        <img src={article.featureImage} alt={article.featureImageAlt ?? ""} className="mb-8 w-full rounded-lg" />
      )}
      <div
        className="prose prose-zinc max-w-none dark:prose-invert prose-pre:p-0"
        dangerouslySetInnerHTML={{ __html: article.html }}
      />
      {children}
    </article>
  );
}
