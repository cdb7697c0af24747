import { Pagination } from "./pagination";
import { PostCard, type PostCardData } from "./post-card";

/** A page of posts with its pagination: home, tag and author pages share it. */
export function PostList({
  cards,
  timeZone,
  base,
  page,
  totalPages,
  empty = "Nothing published yet.",
  layout = "list",
}: {
  cards: PostCardData[];
  timeZone: string;
  base: string;
  page: number;
  totalPages: number;
  empty?: string;
  /** "cards": a grid of cards, two across on wider screens (the home page's choice in Admin → Design). */
  layout?: "list" | "cards";
}) {
  return (
    <>
      {cards.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className={layout === "cards" ? "grid gap-x-8 gap-y-12 sm:grid-cols-2" : "space-y-12"}>
          {cards.map((card) => (
            <li key={card.id} className={layout === "cards" ? "min-w-0" : undefined}>
              <PostCard post={card} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      )}
      <Pagination base={base} page={page} totalPages={totalPages} />
    </>
  );
}
