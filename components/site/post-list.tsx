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
}: {
  cards: PostCardData[];
  timeZone: string;
  base: string;
  page: number;
  totalPages: number;
  empty?: string;
}) {
  return (
    <>
      {cards.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className="space-y-12">
          {cards.map((card) => (
            <li key={card.id}>
              <PostCard post={card} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      )}
      <Pagination base={base} page={page} totalPages={totalPages} />
    </>
  );
}
