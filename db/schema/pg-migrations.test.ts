// The committed PostgreSQL migrations (db/migrations/pg) build the schema db/schema/pg.ts
// describes, and the search column finds and ranks posts. Runs against the PostgreSQL
// server these machines run (STACK-NOTES; .ci/run starts it), in a database of its own
// that it drops afterwards; skipped, saying so, when no server answers.
import { getTableName, is } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectTo,
  createTestDatabase,
  dropTestDatabase,
  POSTGRES_MISSING,
  postgresAnswers,
} from "../../test/postgres";
import { PG_MIGRATIONS_FOLDER, runPgMigrations } from "../pg/migrate";
import { commentBodyHash } from "../queries/comment-checks";
import * as schema from "./pg";

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

const reachable = await postgresAnswers();
if (!reachable) console.warn(`${POSTGRES_MISSING}: the PostgreSQL migration test is skipped.`);

describe.skipIf(!reachable)("the PostgreSQL migrations", () => {
  let db: pg.Client;
  let database: string;

  beforeAll(async () => {
    database = await createTestDatabase("quire_schema");
    db = await connectTo(database);
    await runPgMigrations(db);
  });

  afterAll(async () => {
    await db?.end();
    if (database) await dropTestDatabase(database);
  });

  it("create every table of db/schema/pg.ts with its columns, types and nullability", async () => {
    const { rows } = await db.query<{
      table: string;
      column: string;
      type: string;
      precision: number | null;
      nullable: string;
    }>(
      `SELECT table_name AS table, column_name AS column, data_type AS type,
              datetime_precision AS precision, is_nullable AS nullable
         FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const actual = (table: string) =>
      rows
        .filter((row) => row.table === table)
        .map((row) => {
          const precision = row.type.startsWith("timestamp") ? `(${row.precision})` : "";
          return `${row.column} ${row.type}${precision}${row.nullable === "NO" ? " not null" : ""}`;
        })
        .sort();

    expect(new Set(rows.map((row) => row.table))).toEqual(new Set(tables.map((table) => getTableName(table))));
    for (const table of tables) {
      const { name, columns } = getTableConfig(table);
      // drizzle-kit writes "timestamp (3) with time zone"; information_schema splits off the precision.
      const expected = columns.map((column) => {
        const type = column.getSQLType().replace(/ \((\d+)\)(.*)/, "$2($1)");
        return `${column.name} ${type}${column.notNull ? " not null" : ""}`;
      });
      if (name === "posts") expected.push("search tsvector"); // the hand-written generated column
      expect(actual(name), name).toEqual(expected.sort());
    }
  });

  it("create every index, and each foreign key with its delete action", async () => {
    const { rows: indexes } = await db.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const indexNames = new Set(indexes.map((index) => index.name));
    for (const table of tables) {
      for (const index of getTableConfig(table).indexes) expect(indexNames).toContain(index.config.name);
    }
    expect(indexes.find((index) => index.name === "posts_search_idx")?.definition).toContain("USING gin (search)");

    const { rows: keys } = await db.query<{ name: string; onDelete: string }>(
      `SELECT constraint_name AS name, delete_rule AS "onDelete" FROM information_schema.referential_constraints
        WHERE constraint_schema = 'public'`,
    );
    const expected = tables.flatMap((table) =>
      getTableConfig(table).foreignKeys.map((key) => ({
        name: key.getName(),
        onDelete: (key.onDelete ?? "no action").toUpperCase(),
      })),
    );
    expect(keys.sort(byName)).toEqual(expected.sort(byName));
    expect(keys.length).toBeGreaterThan(10);
  });

  it("find posts by their words, title matches first, and follow edits", async () => {
    const author = await db.query<{ id: number }>(
      `INSERT INTO users (email, name, slug, role, password_hash)
       VALUES ('ada@example.com', 'Ada', 'ada', 'owner', 'x') RETURNING id`,
    );
    const addPost = (title: string, excerpt: string | null, plaintext: string) =>
      db.query(`INSERT INTO posts (title, slug, custom_excerpt, plaintext, author_id) VALUES ($1, $2, $3, $4, $5)`, [
        title,
        title.toLowerCase().replaceAll(" ", "-"),
        excerpt,
        plaintext,
        author.rows[0]!.id,
      ]);
    // The body-only match comes first and names the word twice: a title match must still
    // rank above it (weight A against C), whatever the insertion order.
    await addPost("Harbour notes", null, "We walked past the lighthouse at dusk; the lighthouse was dark.");
    await addPost("Keeping lighthouses", "A season with the keepers.", "Oil, wicks and weather.");
    await addPost("Lighthouse guide", "Where the old lighthouses stand.", "Every light on the coast.");
    await addPost("Garden diary", null, "Tomatoes again.");

    const search = async (words: string) =>
      (
        await db.query<{ title: string }>(
          `SELECT title FROM posts, websearch_to_tsquery('english', $1) AS query
            WHERE search @@ query ORDER BY ts_rank_cd(search, query) DESC, id`,
          [words],
        )
      ).rows.map((row) => row.title);

    // 'english' stems: "lighthouse" finds "lighthouses", "tomato" finds "Tomatoes".
    expect(await search("lighthouse")).toEqual(["Lighthouse guide", "Keeping lighthouses", "Harbour notes"]);
    expect(await search("tomato")).toEqual(["Garden diary"]);
    expect(await search("submarine")).toEqual([]);

    await db.query(`UPDATE posts SET plaintext = 'A lighthouse on the hill.' WHERE slug = 'garden-diary'`);
    expect(await search("lighthouse")).toContain("Garden diary");
    expect(await search("tomato")).toEqual([]);
  });

  it("hash the comments written before body_hash as the app hashes new ones", async () => {
    // The backfill statement of the migration that added the column, run again on a row
    // written without a hash: what a database upgraded with comments in it gets.
    const backfill = readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_FOLDER })
      .flatMap((migration) => migration.sql)
      .find((statement) => /UPDATE "comments" SET "body_hash"/.test(statement));
    expect(backfill).toBeDefined();
    const post = await db.query<{ id: number }>(
      `WITH author AS (INSERT INTO users (email, name, slug, role, password_hash)
                       VALUES ('rita@example.com', 'Rita', 'rita', 'author', 'x') RETURNING id)
       INSERT INTO posts (title, slug, author_id) SELECT 'Commented', 'commented', id FROM author RETURNING id`,
    );
    const markdown = 'Ünïcode ✓, *emphasis* and "quotes"\n\nA second paragraph.';
    await db.query(`INSERT INTO comments (post_id, author_name, markdown, html) VALUES ($1, 'Rita', $2, '')`, [
      post.rows[0]!.id,
      markdown,
    ]);
    await db.query(backfill!);
    const { rows } = await db.query<{ hash: string }>(`SELECT body_hash AS hash FROM comments WHERE markdown = $1`, [
      markdown,
    ]);
    expect(rows).toEqual([{ hash: commentBodyHash(markdown) }]);
  });
});

// Without a server the file still reports why nothing ran.
if (!reachable) it.skip(`${POSTGRES_MISSING}: migrations not tried`, () => {});

function byName(a: { name: string }, b: { name: string }) {
  return a.name.localeCompare(b.name);
}
