export function TagList({ tags, label = "Tags" }: { tags: { name: string; slug: string }[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2 text-sm">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <a
            href={`/tag/${tag.slug}`}
            className="rounded-full border border-zinc-300 px-3 py-0.5 no-underline hover:underline dark:border-zinc-700"
          >
            #{tag.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
