import fs from "node:fs";
import { z } from "zod";
import { parseAnyDate } from "./dates";
import { jsonErrorOffset, lineAndColumn } from "./json-position";
import type { ImportItem, ImportPost, ImportRole, ImportSource } from "./shape";
import { ImportError } from "./shape";

// Ghost 2–6 JSON exports: { db: [{ meta, data: { posts, users, tags, … } }] }.
// A Ghost export is one JSON document whose tables can come in any order (posts_authors
// after posts), so it is parsed whole, bounded by MAX_GHOST_BYTES: streaming it would
// still need every table before the first post could be completed. Only the fields
// below are read: zod's objects drop the rest, so password hashes, API keys, sessions
// and settings never enter the import at all.
export const MAX_GHOST_BYTES = 200 * 1024 * 1024;

const id = z.union([z.string(), z.number()]).transform(String);
const text = z.string().nullish();
const row = <T extends z.ZodRawShape>(shape: T) => z.object(shape);
const table = <T extends z.ZodType>(schema: T) => z.array(schema).optional().default([]);

// Older Ghost exports keep a post's SEO fields on the post, newer ones in posts_meta (read first).
const seoColumns = {
  meta_title: text,
  meta_description: text,
  og_title: text,
  og_description: text,
  og_image: text,
  twitter_title: text,
  twitter_description: text,
  twitter_image: text,
};

const postSchema = row({
  id,
  uuid: text,
  title: text,
  slug: z.string(),
  html: text,
  mobiledoc: text,
  lexical: text,
  plaintext: text,
  feature_image: text,
  feature_image_alt: text,
  featured: z.union([z.boolean(), z.number()]).nullish(),
  // Ghost 2 marks pages with page: 1; later versions with type: "page".
  page: z.union([z.boolean(), z.number()]).nullish(),
  type: text,
  status: z.string(),
  visibility: text,
  author_id: id.nullish(),
  published_at: text,
  created_at: text,
  custom_excerpt: text,
  canonical_url: text,
  ...seoColumns,
});

export const ghostExportSchema = z.object({
  db: z
    .array(
      z.object({
        meta: z.object({ version: z.string().optional() }).optional(),
        data: z.object({
          posts: z.array(postSchema),
          users: table(row({ id, name: text, slug: text, email: text, bio: text })),
          roles: table(row({ id, name: z.string() })),
          roles_users: table(row({ role_id: id, user_id: id })),
          posts_authors: table(row({ post_id: id, author_id: id, sort_order: z.number().nullish() })),
          tags: table(row({ id, name: z.string(), slug: z.string(), description: text, visibility: text })),
          posts_tags: table(row({ post_id: id, tag_id: id, sort_order: z.number().nullish() })),
          posts_meta: table(row({ post_id: id, ...seoColumns, feature_image_alt: text })),
        }),
      }),
    )
    .min(1),
});

const ROLES: Record<string, ImportRole> = {
  Owner: "admin",
  Administrator: "admin",
  Editor: "editor",
  "Super Editor": "editor",
  Author: "author",
  Contributor: "contributor",
};

const STATUS: Record<string, ImportPost["status"]> = { published: "published", draft: "draft", scheduled: "scheduled" };

/** JSON.parse's complaint, placed by line and column (Node 20 does not always say where). */
function describeJsonError(error: Error, source: string): string {
  const offset = jsonErrorOffset(source);
  const where = offset >= 0 ? ` at ${lineAndColumn(source, offset)}` : "";
  const found =
    offset >= 0 && offset < source.length ? `unexpected ${JSON.stringify(source[offset])}` : "it ends too soon";
  return `The JSON is malformed${where}: ${offset >= 0 ? found : error.message}.`;
}

export function readGhost(file: string): ImportSource {
  const total = fs.statSync(file).size;
  if (total > MAX_GHOST_BYTES)
    throw new ImportError(`The Ghost export is larger than ${MAX_GHOST_BYTES / 1024 / 1024} MB: refused.`);
  let done = 0;
  return {
    format: "ghost",
    items: parse(file, () => (done = total)),
    position: () => ({ done, total }),
  };
}

async function* parse(file: string, onRead: () => void): AsyncGenerator<ImportItem> {
  const bytes = await fs.promises.readFile(file);
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("The file is not valid UTF-8.");
  }
  onRead();
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new ImportError(describeJsonError(error as Error, source));
  }
  const parsed = ghostExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(
      `This is not a Ghost export we can read: ${issue.path.join(".") || "the top level"}: ${issue.message}`,
    );
  }
  for (const { data } of parsed.data.db) yield* fromData(data);
}

type GhostData = z.output<typeof ghostExportSchema>["db"][number]["data"];

function* fromData(data: GhostData): Generator<ImportItem> {
  const roleName = new Map(data.roles.map((role) => [role.id, role.name]));
  const userRole = new Map(data.roles_users.map((link) => [link.user_id, roleName.get(link.role_id) ?? ""]));
  for (const user of data.users) {
    yield {
      kind: "author",
      sourceId: `ghost:user:${user.id}`,
      name: user.name || user.slug || "Ghost author",
      email: user.email?.toLowerCase() || null,
      role: ROLES[userRole.get(user.id) ?? ""] ?? "author",
      bio: user.bio ?? undefined,
    };
  }
  const tagIds = new Set<string>();
  for (const tag of data.tags) {
    // Ghost's internal tags (#name) organise themes, not readers.
    if (tag.visibility === "internal" || tag.name.startsWith("#")) {
      yield { kind: "skipped", what: `tag “${tag.name}”`, sourceId: tag.id, reason: "internal Ghost tag" };
      continue;
    }
    tagIds.add(tag.id);
    yield {
      kind: "tag",
      sourceId: `ghost:tag:${tag.id}`,
      name: tag.name,
      slug: tag.slug,
      description: tag.description ?? "",
      oldPaths: [`/tag/${tag.slug}`],
    };
  }
  const authorsOf = groupSorted(
    data.posts_authors,
    (link) => link.post_id,
    (link) => link.author_id,
  );
  const tagsOf = groupSorted(
    data.posts_tags,
    (link) => link.post_id,
    (link) => link.tag_id,
  );
  const metaOf = new Map(data.posts_meta.map((meta) => [meta.post_id, meta]));

  for (const post of data.posts) {
    const notes: string[] = [];
    const type = post.type === "page" || post.page === 1 || post.page === true ? "page" : "post";
    let status = STATUS[post.status];
    if (!status) {
      status = "draft";
      notes.push(`Ghost status “${post.status}” imported as a draft`);
    }
    if (post.visibility && post.visibility !== "public") {
      // Quire has no members: publishing it would show paid content to everyone.
      if (status !== "draft") notes.push(`visible to “${post.visibility}” only in Ghost: imported as a draft`);
      status = "draft";
    }
    const body = bodyOf(post, notes);
    const meta = metaOf.get(post.id);
    const pick = (key: keyof NonNullable<typeof meta> & keyof typeof post) => (meta?.[key] ?? post[key]) || undefined;
    const authorId = authorsOf.get(post.id)?.[0] ?? post.author_id ?? null;
    yield {
      kind: "post",
      sourceId: `ghost:post:${post.id}`,
      type,
      title: post.title ?? "",
      slug: post.slug,
      body,
      excerpt: post.custom_excerpt ?? null,
      status,
      publishedAt: parseAnyDate(post.published_at) ?? (status === "draft" ? parseAnyDate(post.created_at) : null),
      authorSourceId: authorId ? `ghost:user:${authorId}` : null,
      tagSourceIds: (tagsOf.get(post.id) ?? []).filter((tag) => tagIds.has(tag)).map((tag) => `ghost:tag:${tag}`),
      featured: post.featured === true || post.featured === 1,
      featureImage: ghostUrl(post.feature_image),
      featureImageAlt: meta?.feature_image_alt ?? post.feature_image_alt ?? null,
      seo: {
        metaTitle: pick("meta_title"),
        metaDescription: pick("meta_description"),
        canonicalUrl: post.canonical_url || undefined,
        ogTitle: pick("og_title"),
        ogDescription: pick("og_description"),
        ogImage: ghostUrl(pick("og_image")) ?? undefined,
        twitterTitle: pick("twitter_title"),
        twitterDescription: pick("twitter_description"),
        twitterImage: ghostUrl(pick("twitter_image")) ?? undefined,
      },
      commentsOpen: true,
      oldPaths: [`/${post.slug}`],
      notes,
    };
  }
}

/** Ghost 4+ writes its own address as __GHOST_URL__: keep such links site-relative. */
export function ghostUrl(url: string | null | undefined): string | null {
  return url ? url.replace(/__GHOST_URL__/g, "") : null;
}

function bodyOf(post: z.output<typeof postSchema>, notes: string[]): ImportPost["body"] {
  if (post.html) return { format: "html", text: post.html.replace(/__GHOST_URL__/g, "") };
  const markdown = mobiledocMarkdown(post.mobiledoc);
  if (markdown !== null) return { format: "markdown", text: markdown };
  if (post.plaintext) {
    notes.push("no HTML in the export: imported from its plain text");
    return { format: "markdown", text: post.plaintext };
  }
  if (post.mobiledoc || post.lexical) notes.push("no HTML in the export and its editor format could not be read");
  return { format: "html", text: "" };
}

/** Ghost 1's mobiledoc held its Markdown in one card: take it when no HTML was exported. */
function mobiledocMarkdown(mobiledoc: string | null | undefined): string | null {
  if (!mobiledoc) return null;
  try {
    const doc = JSON.parse(mobiledoc) as { cards?: [string, { markdown?: string }][] };
    const parts = (doc.cards ?? []).filter(([name]) => name === "markdown" || name === "card-markdown");
    return parts.length > 0 ? parts.map(([, card]) => card.markdown ?? "").join("\n\n") : null;
  } catch {
    return null;
  }
}

function groupSorted<T extends { sort_order?: number | null }>(
  rows: T[],
  key: (row: T) => string,
  value: (row: T) => string,
): Map<string, string[]> {
  const sorted = [...rows].sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0));
  const groups = new Map<string, string[]>();
  for (const row of sorted) groups.set(key(row), [...(groups.get(key(row)) ?? []), value(row)]);
  return groups;
}
