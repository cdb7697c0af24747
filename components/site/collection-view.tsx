import { JsonLd } from "./json-ld";
import type { PostCardData } from "./post-card";
import { PostList } from "./post-list";

type Props = {
  kind: "tag" | "author";
  name: string;
  slug: string;
  description: string;
  avatarUrl: string | null;
  total: number;
  cards: PostCardData[];
  page: number;
  totalPages: number;
  timeZone: string;
  jsonLd: Record<string, unknown>[];
};

/** A tag's or an author's page: who or what it is, its feeds, and its posts. */
export function CollectionView({
  kind,
  name,
  slug,
  description,
  avatarUrl,
  total,
  cards,
  page,
  totalPages,
  timeZone,
  jsonLd,
}: Props) {
  const base = `/${kind}/${slug}`;
  return (
    <>
      {jsonLd.map((data, i) => (
        <JsonLd key={i} data={data} />
      ))}
      <header className="mb-10 space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wider text-zinc-700 dark:text-zinc-300">
          {kind === "tag" ? "Tag" : "Author"}
        </p>
        <div className="flex items-center gap-4">
          {avatarUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- a small avatar, already sized at upload
            <img src={avatarUrl} alt="" width={64} height={64} className="h-16 w-16 rounded-full object-cover" />
          )}
          <h1 className="text-4xl font-bold tracking-tight">{name}</h1>
        </div>
        {description && <p className="text-lg">{description}</p>}
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {total === 1 ? "1 post" : `${total} posts`} · Follow by{" "}
          <a href={`${base}/rss.xml`} className="underline">
            RSS
          </a>
          ,{" "}
          <a href={`${base}/atom.xml`} className="underline">
            Atom
          </a>{" "}
          or{" "}
          <a href={`${base}/feed.json`} className="underline">
            JSON Feed
          </a>
        </p>
      </header>
      <PostList cards={cards} timeZone={timeZone} base={base} page={page} totalPages={totalPages} />
    </>
  );
}
