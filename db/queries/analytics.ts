import "server-only";
import { and, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { ANALYTICS_DIMENSIONS, analyticsDaily, posts } from "../schema";
import { write } from "../transaction";

// Reader analytics: daily aggregates only. The counts come from memory
// (bin/server/analytics.mjs) in batches; each batch adds to the stored rows, so several
// processes and instances writing the same day add up.

export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];

/** One day's counts as bin/server/analytics.mjs drains them. */
export type DayCounts = {
  day: string;
  views: number;
  visitors: number;
  bots: number;
  paths: Map<string, number>;
  referrers: Map<string, number>;
  devices: Map<string, number>;
};

type Row = { day: string; dimension: AnalyticsDimension; key: string; count: number };

function rowsOf(days: readonly DayCounts[]): Row[] {
  const rows: Row[] = [];
  for (const d of days) {
    const push = (dimension: AnalyticsDimension, key: string, count: number) => {
      if (count > 0) rows.push({ day: d.day, dimension, key, count });
    };
    push("views", "", d.views);
    push("visitors", "", d.visitors);
    push("bots", "", d.bots);
    for (const [key, count] of d.paths) push("path", key, count);
    for (const [key, count] of d.referrers) push("referrer", key, count);
    for (const [key, count] of d.devices) push("device", key, count);
  }
  return rows;
}

const CHUNK = 500; // rows per statement, well under SQLite's bound-parameter limit

/**
 * Adds drained counts to the daily rows, in one write. `quiet` is the connection to write
 * through when there is one (the server's data_version watcher in production, so the write
 * leaves the page cache full), else the writer. Returns the number of rows written.
 */
export async function addAnalytics(days: readonly DayCounts[], quiet?: Db): Promise<number> {
  const rows = rowsOf(days);
  if (rows.length === 0) return 0;
  await write(async (db) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insert(analyticsDaily)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [analyticsDaily.day, analyticsDaily.dimension, analyticsDaily.key],
          set: { count: sql`${analyticsDaily.count} + excluded.count` },
        });
    }
  }, quiet);
  return rows.length;
}

/** Deletes the days before `firstKept` (YYYY-MM-DD), through `quiet` as addAnalytics. Returns the rows deleted. */
export async function sweepAnalytics(firstKept: string, quiet?: Db): Promise<number> {
  const [exists] = await (quiet ?? getDb())
    .select({ one: sql`1` })
    .from(analyticsDaily)
    .where(lt(analyticsDaily.day, firstKept))
    .limit(1);
  // Nothing to do commits nothing (a commit would empty other processes' page caches).
  if (!exists) return 0;
  const deleted = await write(
    (db) => db.delete(analyticsDaily).where(lt(analyticsDaily.day, firstKept)).returning({ day: analyticsDaily.day }),
    quiet,
  );
  return deleted.length;
}

/** The UTC days from `from` to `to`, both included (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export type DailyPoint = { day: string; views: number; visitors: number; bots: number };
export type Ranked = { key: string; count: number };
export type RankedPath = Ranked & { title: string | null };

export type AnalyticsSummary = {
  from: string;
  to: string;
  daily: DailyPoint[];
  totals: { views: number; visitors: number; bots: number };
  topPaths: RankedPath[];
  referrers: Ranked[];
  devices: Ranked[];
};

/** A number on both databases: PostgreSQL's sum of integers is a bigint, which its driver answers as text. */
const summedCount = () => sql<number>`sum(${analyticsDaily.count})`.mapWith(Number);

async function ranked(dimension: AnalyticsDimension, from: string, to: string, limit: number): Promise<Ranked[]> {
  const total = summedCount();
  return await getDb()
    .select({ key: analyticsDaily.key, count: total })
    .from(analyticsDaily)
    .where(and(eq(analyticsDaily.dimension, dimension), gte(analyticsDaily.day, from), lte(analyticsDaily.day, to)))
    .groupBy(analyticsDaily.key)
    .orderBy(desc(total), analyticsDaily.key)
    .limit(limit);
}

/** Everything the analytics page shows for the days `from`..`to` (UTC, included). */
export async function analyticsSummary(from: string, to: string, limit = 10): Promise<AnalyticsSummary> {
  const rows = await getDb()
    .select({ day: analyticsDaily.day, dimension: analyticsDaily.dimension, count: analyticsDaily.count })
    .from(analyticsDaily)
    .where(
      and(
        inArray(analyticsDaily.dimension, ["views", "visitors", "bots"]),
        gte(analyticsDaily.day, from),
        lte(analyticsDaily.day, to),
      ),
    );
  const byDay = new Map(daysBetween(from, to).map((day) => [day, { day, views: 0, visitors: 0, bots: 0 }]));
  const totals = { views: 0, visitors: 0, bots: 0 };
  for (const row of rows) {
    const point = byDay.get(row.day);
    const field = row.dimension as "views" | "visitors" | "bots";
    if (point) point[field] += row.count;
    totals[field] += row.count;
  }
  const paths = await ranked("path", from, to, limit);
  const pathPosts =
    paths.length === 0
      ? []
      : await getDb()
          .select({ slug: posts.slug, title: posts.title })
          .from(posts)
          .where(
            inArray(
              posts.slug,
              paths.map((p) => p.key.replace(/^\//, "")),
            ),
          );
  const titles = new Map(pathPosts.map((p) => [`/${p.slug}`, p.title]));
  return {
    from,
    to,
    daily: [...byDay.values()],
    totals,
    topPaths: paths.map((p) => ({ ...p, title: titles.get(p.key) ?? null })),
    referrers: await ranked("referrer", from, to, limit),
    devices: await ranked("device", from, to, 3),
  };
}

/** Every stored row for the days `from`..`to`, for the CSV export. */
export async function analyticsRows(from: string, to: string): Promise<Row[]> {
  return await getDb()
    .select({
      day: analyticsDaily.day,
      dimension: analyticsDaily.dimension,
      key: analyticsDaily.key,
      count: analyticsDaily.count,
    })
    .from(analyticsDaily)
    .where(and(gte(analyticsDaily.day, from), lte(analyticsDaily.day, to)))
    .orderBy(analyticsDaily.day, analyticsDaily.dimension, desc(analyticsDaily.count), analyticsDaily.key);
}

/** Views of each of these paths over all kept days (the admin posts list). */
export async function viewsByPath(paths: readonly string[]): Promise<Map<string, number>> {
  if (paths.length === 0) return new Map();
  const total = summedCount();
  const rows = await getDb()
    .select({ key: analyticsDaily.key, count: total })
    .from(analyticsDaily)
    .where(and(eq(analyticsDaily.dimension, "path"), inArray(analyticsDaily.key, [...paths])))
    .groupBy(analyticsDaily.key);
  return new Map(rows.map((row) => [row.key, row.count]));
}
