// `npx tsx --conditions=react-server bench/content-api-all.ts <data dir> [limit]`: what one
// Content API browse of every public post costs (time, bytes, memory), done the way the
// route does it (lib/content-api/handlers.ts) but with the limit given ("all" uncapped).
// Measured once at 100,000 posts for the README's Content API section; not part of a bench run.
process.env.QUIRE_DATA_DIR = process.argv[2] ?? "./data";
const limitArg = process.argv[3] ?? "all";
// "tags,authors" as the Ghost clients often ask; "none" for the posts alone.
const include = (process.argv[4] ?? "tags,authors") === "none" ? [] : (process.argv[4] ?? "tags,authors").split(",");

async function main() {
  const { browsePublicPosts, parseOrder } = await import("../db/queries/content-api");
  const { postsWithRelations } = await import("../lib/content-api/handlers");
  const limit = limitArg === "all" ? null : Number(limitArg);
  const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const t0 = performance.now();
  const { rows, total } = await browsePublicPosts({ type: "post", order: parseOrder(undefined), limit, offset: 0 });
  const t1 = performance.now();
  const posts = await postsWithRelations(rows, { include: include as ("tags" | "authors")[] });
  const t2 = performance.now();
  let bytes: number | string;
  try {
    bytes = Buffer.byteLength(JSON.stringify({ posts, meta: {} }));
  } catch (error) {
    bytes = `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const t3 = performance.now();
  console.log(
    JSON.stringify({
      limit: limitArg,
      include,
      total,
      rows: rows.length,
      queryMs: Math.round(t1 - t0),
      serializeMs: Math.round(t2 - t1),
      stringifyMs: Math.round(t3 - t2),
      bytes,
      rssMb: mb(),
    }),
  );
}
void main();
