import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { migratedDb, row } from "@/test/helpers";
import { posts, users } from "@/db/schema";
import { write } from "@/db/transaction";
import { createPost, type EditorFields, savePost } from "@/db/queries/post-editor";
import { getPublishedBySlug } from "@/db/queries/posts";
import { findRedirect } from "@/db/queries/redirects";
import { slugParam } from "@/lib/site/reader";
import { slugify } from "@/lib/utils/slugify";

// A post titled in any script gets a readable, non-empty, unique slug, and readers reach
// it at /<slug> even though the browser sends the path percent-encoded.
const actor = { actorId: null, actorLabel: "test" };
const scope = { authorId: "all", statuses: "all" } as const;
let authorId: number;

const fields = (title: string): EditorFields => ({
  title,
  markdown: "",
  html: "",
  plaintext: "",
  wordCount: 0,
  customExcerpt: null,
  featureImage: null,
  featureImageAlt: null,
  featured: false,
  commentsOpen: true,
  metaTitle: null,
  metaDescription: null,
  canonicalUrl: null,
  ogTitle: null,
  ogDescription: null,
  ogImage: null,
  twitterTitle: null,
  twitterDescription: null,
  twitterImage: null,
});

function newPost(title: string) {
  return createPost({ type: "post", authorId, slug: slugify(title), fields: fields(title), tags: [] }, actor);
}

/** Published at the epoch: long ago, as the app never writes it. */
function publish(id: number) {
  return write((db) =>
    db
      .update(posts)
      .set({ status: "published", publishedAt: new Date(0) })
      .where(eq(posts.id, id)),
  );
}

/** The path as a browser sends it, then as the reader page reads its param. */
const pathOf = (slug: string) => new URL(`http://quire.test/${slug}`).pathname;

beforeAll(async () => {
  migratedDb();
  const [author] = await write((db) =>
    db
      .insert(users)
      .values({ email: "o@example.com", name: "Owner", slug: "o", role: "owner", passwordHash: "x" })
      .returning({ id: users.id }),
  );
  authorId = author!.id;
});

describe("slugs of titles in any script", () => {
  test("repeated titles get unique slugs, in every script", async () => {
    const cases: [string, string][] = [
      ["Привет мир", "privet-mir"],
      ["你好世界", "你好世界"],
      ["Γειά σου", "geia-soy"],
    ];
    for (const [title, slug] of cases) {
      expect((await newPost(title)).slug).toBe(slug);
      expect((await newPost(title)).slug).toBe(`${slug}-2`);
    }
  });

  test("titles with no letters become untitled, untitled-2", async () => {
    expect((await newPost("🎉🎉")).slug).toBe("untitled");
    expect((await newPost("!!!")).slug).toBe("untitled-2");
    expect(await row(getDb().select({ n: count() }).from(posts).where(eq(posts.slug, "")))).toEqual({ n: 0 });
  });

  test("a CJK slug is reachable at its percent-encoded path", async () => {
    const post = await newPost("東京タワー 2026");
    await publish(post.id);
    expect(pathOf(post.slug)).toBe("/%E6%9D%B1%E4%BA%AC%E3%82%BF%E3%83%AF%E3%83%BC-2026");
    const slug = slugParam(pathOf(post.slug).slice(1));
    expect((await getPublishedBySlug({ slug }))?.title).toBe("東京タワー 2026");
  });

  test("a published post's old CJK address redirects to its new one", async () => {
    const post = await newPost("旧い題名");
    await publish(post.id);
    const outcome = await savePost(
      {
        id: post.id,
        scope,
        version: post.version,
        slug: slugify("新しい題名"),
        fields: fields("新しい題名"),
        tags: [],
      },
      actor,
    );
    expect(outcome).toMatchObject({ ok: true, slug: "新しい題名" });
    expect((await findRedirect({ fromPath: pathOf(post.slug) }))?.toPath).toBe("/新しい題名");
  });
});
