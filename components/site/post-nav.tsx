type Link = { title: string; slug: string };

/** Previous / next post and up to three related posts. */
export function PostNav({ older, newer, related }: { older?: Link; newer?: Link; related: Link[] }) {
  return (
    <>
      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-12">
          <h2 id="related-heading" className="text-xl font-bold">
            Related posts
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {related.map((post) => (
              <li key={post.slug}>
                <a href={`/${post.slug}`}>{post.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(older || newer) && (
        <nav
          aria-label="More posts"
          className="mt-12 grid gap-4 border-t border-zinc-200 pt-6 sm:grid-cols-2 dark:border-zinc-800"
        >
          {older ? (
            <p>
              <span className="block text-sm text-zinc-700 dark:text-zinc-300">Previous post</span>
              <a href={`/${older.slug}`} rel="prev">
                {older.title}
              </a>
            </p>
          ) : (
            <span />
          )}
          {newer && (
            <p className="sm:text-right">
              <span className="block text-sm text-zinc-700 dark:text-zinc-300">Next post</span>
              <a href={`/${newer.slug}`} rel="next">
                {newer.title}
              </a>
            </p>
          )}
        </nav>
      )}
    </>
  );
}
