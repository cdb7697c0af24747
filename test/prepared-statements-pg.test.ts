// The hot queries prepared once per connection (db/queries/prepared.ts), on PostgreSQL: a
// query prepared inside write() is prepared again for each transaction, and must come back
// under the same name, or every comment POST leaves one more prepared statement on its
// pooled connection for as long as the connection lives.
import { sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { getPgDb } from "@/db/client";
import { createComment } from "@/db/queries/comments";
import { onPostgres } from "./cli-run";
import { execute } from "./helpers";

// One connection in the pool, so the statements the app prepared are the ones this test sees
// (pg_prepared_statements shows a connection its own).
vi.hoisted(() => {
  process.env.QUIRE_DB_POOL = "1";
});

if (!onPostgres)
  test.skip("PostgreSQL's named statements: runs when the file runs on PostgreSQL (QUIRE_TEST_DATABASE=postgres)", () => {});

describe.runIf(onPostgres)("prepared statements on PostgreSQL", () => {
  test("comments posted one after another leave one prepared insert on the connection, not one each", async () => {
    await execute(
      sql`INSERT INTO users (id, email, name, slug, role, password_hash) VALUES (1, 'ada@example.com', 'Ada', 'ada', 'owner', 'x')`,
    );
    await execute(
      sql`INSERT INTO posts (id, title, slug, author_id, status, published_at) VALUES (1, 'Hello', 'hello', 1, 'published', now())`,
    );
    for (let i = 0; i < 20; i++) {
      const now = new Date();
      await createComment(
        {
          postId: 1,
          status: "approved",
          authorName: "Rita",
          markdown: `Comment ${i}`,
          html: `<p>Comment ${i}</p>`,
          createdAt: now,
          updatedAt: now,
        },
        () => {},
      );
    }

    const { rows } = await getPgDb().execute<{ name: string }>(
      sql`SELECT name FROM pg_prepared_statements WHERE statement ILIKE 'insert into "comments"%'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toMatch(/^quire_[0-9a-f]+$/);
    const [{ comments }] = (
      await getPgDb().execute<{ comments: number }>(sql`SELECT count(*)::int AS comments FROM comments`)
    ).rows as [{ comments: number }];
    expect(comments).toBe(20);
  });
});
