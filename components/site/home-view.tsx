import { PostCard, type PostCardData } from "./post-card";
import { PostList } from "./post-list";

export function HomeView({
  pinned,
  cards,
  page,
  totalPages,
  timeZone,
  layout = "list",
  coverImageUrl = null,
}: {
  pinned: PostCardData[];
  cards: PostCardData[];
  page: number;
  totalPages: number;
  timeZone: string;
  layout?: "list" | "cards";
  coverImageUrl?: string | null;
}) {
  return (
    <>
      {coverImageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- an upload of ours, already resized (a variant)
        <img
          src={coverImageUrl}
          alt=""
          width={1600}
          height={533}
          fetchPriority="high"
          className="mb-10 aspect-[3/1] w-full rounded-xl object-cover"
        />
      )}
      <h1 className="sr-only">{page === 1 ? "Latest posts" : `Latest posts, page ${page}`}</h1>
      {pinned.length > 0 && (
        <section aria-labelledby="featured-heading" className="mb-12 rounded-xl bg-zinc-100 p-6 dark:bg-zinc-900">
          <h2
            id="featured-heading"
            className="mb-6 text-sm font-semibold uppercase tracking-wider text-zinc-700 dark:text-zinc-300"
          >
            Featured
          </h2>
          <ul className="space-y-10">
            {pinned.map((card) => (
              <li key={card.id}>
                <PostCard post={card} timeZone={timeZone} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <PostList
        cards={cards}
        timeZone={timeZone}
        base=""
        page={page}
        totalPages={totalPages}
        empty={pinned.length ? "No other posts yet." : "Nothing published yet."}
        layout={layout}
      />
    </>
  );
}
