import "server-only";
import { and, asc, count, eq, inArray, ne, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteSelect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Db, getDb } from "../client";
import { databaseKind } from "../kind";
import { postTags, tags } from "../schema";

// Small pieces every query module shares, so each is written (and fixed) once.

/** The current time as the timestamp columns hold it: milliseconds on SQLite, a timestamp on PostgreSQL. */
export function sqlNow(): SQL {
  return databaseKind() === "postgres" ? sql`now()` : sql`(cast(unixepoch('subsec') * 1000 as integer))`;
}

/**
 * A date as a placeholder's value for a timestamp column, in the column's own encoding:
 * milliseconds on SQLite (an integer column), the Date itself on PostgreSQL (timestamptz).
 * Builder comparisons with a Date encode it themselves; `sql.placeholder` values do not.
 */
export function timestampParam(date: Date): number | Date {
  return databaseKind() === "postgres" ? date : date.getTime();
}

/**
 * A JSON column's value as a bare SQL value, where no column type reaches the placeholder
 * (the select of an INSERT … SELECT): PostgreSQL would take the text for text, not jsonb.
 */
export function jsonValue(value: unknown): SQL {
  const text = JSON.stringify(value);
  return databaseKind() === "postgres" ? sql`cast(${text} as jsonb)` : sql`${text}`;
}

/** A timestamp column's value as a bare SQL value, as `jsonValue` for JSON. */
export function timestampValue(date: Date): SQL {
  return databaseKind() === "postgres" ? sql`cast(${date.toISOString()} as timestamptz)` : sql`${date.getTime()}`;
}

/** Runs one statement Drizzle's builder cannot make; answers how many rows it changed. */
export async function runStatement(db: Db, statement: SQL): Promise<number> {
  if (databaseKind() === "postgres") {
    const result = await (db as unknown as { execute(query: SQL): Promise<{ rowCount: number | null }> }).execute(
      statement,
    );
    return result.rowCount ?? 0;
  }
  return db.run(statement).changes; // better-sqlite3 answers at once
}

/**
 * True when any of these subqueries has a row, as a selected column: SQLite answers EXISTS with
 * 0 or 1, PostgreSQL with a boolean, so the column is 1 or 0 on both and read back as a boolean.
 */
export function anyExists(...subqueries: SQLWrapper[]): SQL<boolean> {
  const tests = sql.join(
    subqueries.map((subquery) => sql`exists ${subquery}`),
    sql` or `,
  );
  return sql<boolean>`case when ${tests} then 1 else 0 end`.mapWith((value) => Number(value) === 1);
}

/**
 * Escapes LIKE's wildcards, so "50%" or "my_post" mean those characters. Only with
 * `ESCAPE '\'` after the LIKE does SQLite read the backslashes: use `likeContains`
 * or `likeStartsWith`, which always add it.
 */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// SQLite's LIKE ignores ASCII case; PostgreSQL's does not, and ILIKE is its counterpart.
const like = () => (databaseKind() === "postgres" ? sql`ilike` : sql`like`);

/** `column` contains `text`, taken literally (ASCII case-insensitive, as LIKE is). */
export function likeContains(column: SQLiteColumn | SQL, text: string): SQL {
  return sql`${column} ${like()} ${likeContainsPattern(text)} escape '\\'`;
}

/** The pattern likeContains matches with, for a prepared query's placeholder (`like ? escape '\'`). */
export function likeContainsPattern(text: string): string {
  return `%${likePattern(text)}%`;
}

/** `column` starts with `text`, taken literally. */
export function likeStartsWith(column: SQLiteColumn | SQL, text: string): SQL {
  return sql`${column} ${like()} ${`${likePattern(text)}%`} escape '\\'`;
}

/** A value of `column` (a unique slug column) nobody has yet: "hello", then "hello-2", "hello-3", … */
export async function uniqueSlug(db: Db, column: SQLiteColumn, base: string): Promise<string> {
  const rows = await db
    .select({ slug: sql<string>`${column}` })
    .from(column.table)
    .where(or(eq(column, base), likeStartsWith(column, `${base}-`)));
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Whether a row other than `exceptId` already has this slug (a unique column; `id` is the table's key). */
export async function slugTaken(
  db: Db,
  { slug: slugColumn, id: idColumn }: { slug: SQLiteColumn; id: SQLiteColumn },
  slug: string,
  exceptId?: number,
): Promise<boolean> {
  const other = exceptId === undefined ? undefined : ne(idColumn, exceptId);
  const [row] = await db
    .select({ one: sql`1` })
    .from(slugColumn.table)
    .where(and(eq(slugColumn, slug), other))
    .limit(1);
  return row !== undefined;
}

export type PageRequest = { page: number; perPage: number };

/**
 * One page of an admin list and the total its pager needs: `table` counted under
 * `where`, and `rows` (built with `.$dynamic()`, already filtered by the same `where`) cut to the page.
 */
export async function paginate<Q extends SQLiteSelect>(
  { table, where, rows }: { table: SQLiteTable; where: SQL | undefined; rows: Q },
  { page, perPage }: PageRequest,
): Promise<{ rows: Awaited<ReturnType<Q["all"]>>; total: number }> {
  const [counted] = await getDb().select({ n: count() }).from(table).where(where);
  const pageRows = (await rows.limit(perPage).offset((page - 1) * perPage)) as Awaited<ReturnType<Q["all"]>>;
  return { rows: pageRows, total: counted?.n ?? 0 };
}

export type PostTag = { postId: number; id: number; name: string; slug: string; description: string };

/** The tags of these posts, each post's in its order (the primary tag first). */
export async function tagsOfPosts(db: Db, postIds: number[]): Promise<PostTag[]> {
  if (postIds.length === 0) return [];
  return await db
    .select({ postId: postTags.postId, id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(postTags)
    .innerJoin(tags, eq(tags.id, postTags.tagId))
    .where(inArray(postTags.postId, postIds))
    .orderBy(asc(postTags.postId), asc(postTags.position), asc(tags.name));
}
