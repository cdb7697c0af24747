export function AuthorBox({
  author,
}: {
  author: { name: string; slug: string; bio: string; avatarUrl: string | null };
}) {
  return (
    <aside
      aria-labelledby="about-author"
      className="mt-12 flex gap-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      {author.avatarUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- a small avatar, already sized at upload
        <img src={author.avatarUrl} alt="" width={64} height={64} className="h-16 w-16 rounded-full object-cover" />
      )}
      <div>
        <h2 id="about-author" className="font-bold">
          <a href={`/author/${author.slug}`}>{author.name}</a>
        </h2>
        {author.bio && <p className="mt-1 text-sm">{author.bio}</p>}
      </div>
    </aside>
  );
}
