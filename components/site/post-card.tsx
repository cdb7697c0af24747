import { PostMeta } from "./post-meta";
import { TagList } from "./tag-list";

export type PostCardData = {
  id: number;
  title: string;
  slug: string;
  excerpt: string;
  publishedAt: Date | null;
  minutes: number;
  author: { name: string; slug: string };
  tags: { name: string; slug: string }[];
  commentCount: number;
  featureImage: string | null;
  featureImageAlt: string | null;
  featured: boolean;
};

/** One post in a list: image, title, meta, excerpt, tags and comment count. */
export function PostCard({
  post,
  timeZone,
  headingLevel = 2,
}: {
  post: PostCardData;
  timeZone: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="space-y-2">
      {post.featureImage && (
        // eslint-disable-next-line @next/next/no-img-element -- stored images are already resized at upload
        <img
          src={post.featureImage}
          alt={post.featureImageAlt ?? ""}
          loading="lazy"
          className="aspect-[2/1] w-full rounded-lg object-cover"
        />
      )}
      <Heading className="text-2xl font-bold tracking-tight">
        <a href={`/${post.slug}`} className="text-zinc-900 no-underline hover:underline dark:text-zinc-100">
          {post.title}
        </a>
      </Heading>
      <PostMeta author={post.author} date={post.publishedAt} minutes={post.minutes} timeZone={timeZone} />
      <p>{post.excerpt}</p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <TagList tags={post.tags} label={`Tags of ${post.title}`} />
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {post.commentCount === 1 ? "1 comment" : `${post.commentCount} comments`}
        </p>
      </div>
    </article>
  );
}
