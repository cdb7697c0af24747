import "server-only";
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  notInArray,
  type SQL,
  sql,
} from "drizzle-orm";
import { getDb } from "../client";
import { posts, postTags, tags, users } from "../schema";
import { postPresentationColumns } from "./post-columns";
import { isPublic } from "./post-visibility";
import { tagsOfPosts } from "./sql";

// Reads for the public Content API (native /api/v1 and Ghost-compatible): published
// content only, filtered by a parsed NQL tree whose fields map to SQL here.

/** The shape lib/content-api/nql.ts produces (kept structural: db/ does not import lib/). */
export type Filter =
  | { type: "and" | "or"; children: Filter[] }
  | {
      type: "compare";
      field: string;
      op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "nin";
      value: FilterValue | FilterValue[];
    };
type FilterValue = string | number | boolean | null;

/** An unknown field or an operator a field does not support: the API answers 400. */
export class FilterFieldError extends Error {}

type Column =
  | typeof posts.slug
  | typeof posts.title
  | typeof posts.id
  | typeof posts.featured
  | typeof posts.publishedAt
  | typeof posts.updatedAt
  | typeof posts.createdAt;

const POST_COLUMNS: Record<string, { column: Column; kind: "text" | "number" | "boolean" | "date" }> = {
  id: { column: posts.id, kind: "number" },
  slug: { column: posts.slug, kind: "text" },
  title: { column: posts.title, kind: "text" },
  featured: { column: posts.featured, kind: "boolean" },
  published_at: { column: posts.publishedAt, kind: "date" },
  updated_at: { column: posts.updatedAt, kind: "date" },
  created_at: { column: posts.createdAt, kind: "date" },
};

const TAG_FIELDS = new Set(["tag", "tags", "tags.slug"]);
const AUTHOR_FIELDS = new Set(["author", "authors", "authors.slug", "primary_author", "primary_author.slug"]);

function coerce(value: FilterValue, kind: string, field: string): unknown {
  if (kind === "boolean") {
    if (typeof value !== "boolean") throw new FilterFieldError(`"${field}" takes true or false.`);
    return value;
  }
  if (kind === "number") {
    if (typeof value !== "number") throw new FilterFieldError(`"${field}" takes a number.`);
    return value;
  }
  if (kind === "date") {
    const time = Date.parse(String(value));
    if (Number.isNaN(time)) throw new FilterFieldError(`"${field}" takes a date like '2025-01-01'.`);
    return new Date(time);
  }
  return String(value);
}

const OPERATORS = { eq, ne, gt, gte, lt, lte };

function membership(
  subquery: (values: string[]) => SQL,
  op: string,
  value: FilterValue | FilterValue[],
  field: string,
): SQL {
  if (!["eq", "ne", "in", "nin"].includes(op))
    throw new FilterFieldError(`"${field}" supports only equality and lists.`);
  const values = (Array.isArray(value) ? value : [value]).map(String);
  const exists = sql`exists (${subquery(values)})`;
  return op === "ne" || op === "nin" ? sql`not ${exists}` : exists;
}

function compareToSql(node: Extract<Filter, { type: "compare" }>, admin: boolean): SQL {
  const { field, op, value } = node;
  if (admin && field === "status") {
    // The Admin API sees every status: the filter is on the real column.
    if (!["eq", "ne", "in", "nin"].includes(op))
      throw new FilterFieldError(`"status" supports only equality and lists.`);
    const values = (Array.isArray(value) ? value : [value]).map(String) as never[];
    return op === "eq" || op === "in" ? inArray(posts.status, values) : notInArray(posts.status, values);
  }
  if (TAG_FIELDS.has(field) || field === "primary_tag" || field === "primary_tag.slug") {
    const primaryOnly = field.startsWith("primary_tag")
      ? sql`and ${postTags.position} = (select min(position) from post_tags p2 where p2.post_id = ${posts.id})`
      : sql``;
    return membership(
      (values) =>
        sql`select 1 from ${postTags} join ${tags} on ${tags.id} = ${postTags.tagId} where ${postTags.postId} = ${posts.id} and ${inArray(tags.slug, values)} ${primaryOnly}`,
      op,
      value,
      field,
    );
  }
  if (AUTHOR_FIELDS.has(field)) {
    return membership(
      (values) => sql`select 1 from ${users} where ${users.id} = ${posts.authorId} and ${inArray(users.slug, values)}`,
      op,
      value,
      field,
    );
  }
  if (field === "visibility" || field === "status") {
    // Everything this API can see is public and published.
    const match = (Array.isArray(value) ? value : [value]).includes(field === "visibility" ? "public" : "published");
    const positive = op === "eq" || op === "in";
    return match === positive ? sql`1 = 1` : sql`1 = 0`;
  }
  const spec = POST_COLUMNS[field];
  if (!spec) throw new FilterFieldError(`Unknown filter field "${field}".`);
  if (op === "in" || op === "nin") {
    const values = (value as FilterValue[]).map((v) => coerce(v, spec.kind, field)) as never[];
    return op === "in" ? inArray(spec.column, values) : notInArray(spec.column, values);
  }
  if (Array.isArray(value)) throw new FilterFieldError(`"${field}" does not take a list here.`);
  if (value === null) return op === "ne" ? isNotNull(spec.column) : isNull(spec.column);
  return OPERATORS[op](spec.column, coerce(value, spec.kind, field) as never);
}

/** `admin`: `status` filters on the real column (the Admin API sees drafts). */
export function filterToSql(node: Filter, admin = false): SQL {
  if (node.type === "compare") return compareToSql(node, admin);
  const parts = node.children.map((child) => filterToSql(child, admin));
  return sql`(${sql.join(parts, node.type === "and" ? sql` and ` : sql` or `)})`;
}

const ORDER_COLUMNS: Record<string, Column> = {
  published_at: posts.publishedAt,
  updated_at: posts.updatedAt,
  created_at: posts.createdAt,
  title: posts.title,
  slug: posts.slug,
  id: posts.id,
  featured: posts.featured,
};

/** "published_at desc, title asc" → ORDER BY terms; unknown fields are an error. */
export function parseOrder(order: string | undefined): SQL[] {
  if (!order) return [desc(posts.publishedAt), desc(posts.id)];
  const terms = order.split(",").map((term) => term.trim().split(/\s+/));
  if (terms.length > 5) throw new FilterFieldError("Order by at most 5 fields.");
  return terms.map(([field = "", direction = "desc"]) => {
    const column = ORDER_COLUMNS[field];
    if (!column) throw new FilterFieldError(`Cannot order by "${field}".`);
    if (!/^(asc|desc)$/i.test(direction))
      throw new FilterFieldError(`Order direction must be asc or desc, not "${direction}".`);
    return direction.toLowerCase() === "asc" ? asc(column) : desc(column);
  });
}

export const PUBLIC_POST_COLUMNS = {
  id: posts.id,
  type: posts.type,
  title: posts.title,
  slug: posts.slug,
  html: posts.html,
  plaintext: posts.plaintext,
  customExcerpt: posts.customExcerpt,
  wordCount: posts.wordCount,
  ...postPresentationColumns,
  featured: posts.featured,
  publishedAt: posts.publishedAt,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
  authorId: posts.authorId,
};

/** One page of published posts (or pages) matching a filter, with the total. */
export async function browsePublicPosts({
  type,
  filter,
  order,
  limit,
  offset,
}: {
  type: "post" | "page";
  filter?: SQL;
  order: SQL[];
  limit: number | null;
  offset: number;
}) {
  const db = getDb();
  const where = and(isPublic(type), filter);
  const [counted] = await db.select({ n: count() }).from(posts).where(where);
  const query = db
    .select(PUBLIC_POST_COLUMNS)
    .from(posts)
    .where(where)
    .orderBy(...order);
  const rows = await (limit === null ? query : query.limit(limit).offset(offset));
  return { rows, total: counted?.n ?? 0 };
}

export async function readPublicPost({ type, by, value }: { type: "post" | "page"; by: "id" | "slug"; value: string }) {
  const condition = by === "id" ? eq(posts.id, Number(value)) : eq(posts.slug, value);
  const [post] = await getDb()
    .select(PUBLIC_POST_COLUMNS)
    .from(posts)
    .where(and(isPublic(type), condition))
    .limit(1);
  return post;
}

/** Tags of these posts, primary first. */
export async function tagsForPosts(postIds: number[]) {
  return await tagsOfPosts(getDb(), postIds);
}

// Columns of a staff member a reader may see: never email, role or password hash.
const PUBLIC_AUTHOR_COLUMNS = {
  id: users.id,
  name: users.name,
  slug: users.slug,
  bio: users.bio,
  avatarUrl: users.avatarUrl,
};

export async function authorsByIds(ids: number[]) {
  if (ids.length === 0) return [];
  return await getDb().select(PUBLIC_AUTHOR_COLUMNS).from(users).where(inArray(users.id, ids));
}

/** Authors with at least one published post (nobody else is public). */
type Lookup = { limit: number | null; offset: number; slug?: string; id?: number };

export async function browsePublicAuthors({ limit, offset, slug, id }: Lookup) {
  const db = getDb();
  const hasPosts = sql`exists (select 1 from ${posts} where ${posts.authorId} = ${users.id} and ${isPublic("post")})`;
  const where = and(
    hasPosts,
    slug === undefined ? undefined : eq(users.slug, slug),
    id === undefined ? undefined : eq(users.id, id),
  );
  const [counted] = await db.select({ n: count() }).from(users).where(where);
  const query = db.select(PUBLIC_AUTHOR_COLUMNS).from(users).where(where).orderBy(asc(users.name), asc(users.id));
  const rows = await (limit === null ? query : query.limit(limit).offset(offset));
  return { rows, total: counted?.n ?? 0 };
}

/** Tags used by at least one published post. */
export async function browsePublicTags({ limit, offset, slug, id }: Lookup) {
  const db = getDb();
  const used = sql`exists (select 1 from ${postTags} join ${posts} on ${posts.id} = ${postTags.postId} where ${postTags.tagId} = ${tags.id} and ${isPublic("post")})`;
  const where = and(
    used,
    slug === undefined ? undefined : eq(tags.slug, slug),
    id === undefined ? undefined : eq(tags.id, id),
  );
  const [counted] = await db.select({ n: count() }).from(tags).where(where);
  const query = db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(where)
    .orderBy(asc(tags.name), asc(tags.id));
  const rows = await (limit === null ? query : query.limit(limit).offset(offset));
  return { rows, total: counted?.n ?? 0 };
}
