"use client";

import { type MouseEvent, useState } from "react";
import { PostCard, type PostCardData } from "@/components/site/post-card";
import { PostMeta } from "@/components/site/post-meta";
import { FONT_VARIABLES, siteDesignStyle } from "@/components/site/site-design";
import type { MenuItem } from "./menu-editor";

export type DesignDraft = {
  accentColor: string;
  accentColorDark: string;
  fontPairing: string;
  logoUrl: string;
  coverImageUrl: string;
  navigation: MenuItem[];
  footerNavigation: MenuItem[];
  homeLayout: string;
  postsPerPage: string;
};

const TAB =
  "rounded-md px-3 py-1 text-sm font-medium aria-pressed:bg-zinc-900 aria-pressed:text-white dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900";

/**
 * The home page and a post as they would look with the unsaved choices: the reader site's own
 * card and meta components, inside an element carrying the draft accent and fonts. Nothing
 * is saved or sent; links do not leave the page.
 */
export function DesignPreview({
  draft,
  title,
  description,
  posts,
  timeZone,
}: {
  draft: DesignDraft;
  title: string;
  description: string;
  posts: PostCardData[];
  timeZone: string;
}) {
  const [view, setView] = useState<"home" | "post">("home");
  const style = siteDesignStyle(draft);
  const post = posts[0];
  const stayHere = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest("a")) event.preventDefault();
  };
  const cards = posts.slice(0, Math.min(Number(draft.postsPerPage) || 1, 4));
  return (
    <section aria-labelledby="design-preview-heading" className="space-y-3">
      <h2 id="design-preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Your unsaved choices, with the latest posts. Nothing changes on the site until you save.
      </p>
      <div className="flex gap-2" role="group" aria-label="Preview of">
        <button type="button" className={TAB} aria-pressed={view === "home"} onClick={() => setView("home")}>
          Home page
        </button>
        <button type="button" className={TAB} aria-pressed={view === "post"} onClick={() => setView("post")}>
          A post
        </button>
      </div>
      {/* A click on a preview link is kept from leaving: the unsaved choices would be lost. */}
      <div
        data-testid="design-preview"
        className={`site-design ${FONT_VARIABLES} overflow-hidden rounded-xl border border-zinc-300 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100`}
        style={style}
        onClickCapture={stayHere}
      >
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-zinc-200 p-4 dark:border-zinc-800">
          <div className="flex items-center gap-3">
            {draft.logoUrl && (
              // eslint-disable-next-line @next/next/no-img-element -- an upload of ours, shown small
              <img src={draft.logoUrl} alt="" width={32} height={32} className="h-8 w-8 rounded object-contain" />
            )}
            <div>
              <p className="text-xl font-bold">{title}</p>
              {description && <p className="text-sm text-zinc-700 dark:text-zinc-300">{description}</p>}
            </div>
          </div>
          <ul className="ml-auto flex flex-wrap gap-x-4" aria-label="Header menu (preview)">
            {draft.navigation.map((item, index) => (
              <li key={index}>
                <a href={item.url || "#"}>{item.label || "(no label)"}</a>
              </li>
            ))}
          </ul>
        </div>
        <div className="space-y-8 p-4">
          {view === "home" ? (
            <>
              {draft.coverImageUrl && (
                // eslint-disable-next-line @next/next/no-img-element -- an upload of ours
                <img src={draft.coverImageUrl} alt="" className="aspect-[3/1] w-full rounded-xl object-cover" />
              )}
              {cards.length === 0 && <p>Nothing published yet: publish a post to see it here.</p>}
              <ol className={draft.homeLayout === "cards" ? "grid gap-6 sm:grid-cols-2" : "space-y-8"}>
                {cards.map((card) => (
                  <li key={card.id} className="min-w-0">
                    <PostCard post={card} timeZone={timeZone} headingLevel={3} />
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <article className="space-y-4">
              <h3 className="text-3xl font-bold tracking-tight">{post?.title ?? "A post's title"}</h3>
              {post && (
                <PostMeta author={post.author} date={post.publishedAt} minutes={post.minutes} timeZone={timeZone} />
              )}
              <p>{post?.excerpt || "The opening of a post reads in the body font, with links in the accent colour."}</p>
              <p>
                A sentence with <a href="#">a link in the accent colour</a> and <code>inline code</code>.
              </p>
              <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900">
                <code>{"const greeting = `Hello from ${site}`;"}</code>
              </pre>
            </article>
          )}
        </div>
        <ul
          className="flex flex-wrap gap-x-4 border-t border-zinc-200 p-4 text-sm dark:border-zinc-800"
          aria-label="Footer menu (preview)"
        >
          {draft.footerNavigation.map((item, index) => (
            <li key={index}>
              <a href={item.url || "#"}>{item.label || "(no label)"}</a>
            </li>
          ))}
          <li>
            <a href="#">Archive</a>
          </li>
        </ul>
      </div>
    </section>
  );
}
