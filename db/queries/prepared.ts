import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Db } from "../client";
import { databaseKind } from "../kind";

// Building a query with Drizzle's builder (columns, joins, conditions → SQL text) cost more
// than running it on the reader pages (issue 16's profile). The hot reader queries are built
// once per connection with placeholders and run with `.get({...})` / `.all({...})`; a query
// whose SQL changes with its arguments (a tag or none, a cursor or none) is built once per shape.
// `build` answers the query unprepared; preparing differs by dialect (SQLite prepares on the
// connection; PostgreSQL names the statement, which each pooled connection prepares on first use).
const MAX_SHAPES = 64; // shapes are few (a handful of scope kinds); bounded whatever happens

type Params = Record<string, unknown>;

/** A prepared query: every row, or the first one, for these placeholder values. */
export type Prepared<Row> = {
  all(params?: Params): Promise<Row[]>;
  get(params?: Params): Promise<Row | undefined>;
};

/** What `build` answers: a select, or a write with `.returning()`, holding placeholders. */
type Buildable = PromiseLike<unknown[]> & { prepare(): unknown; toSQL(): { sql: string } };
type RowOf<Query extends Buildable> = Awaited<Query>[number];

type SqliteStatement = { all(params?: Params): unknown[]; get(params?: Params): unknown };
type PgStatement = { execute(params?: Params): Promise<unknown[]> };

/**
 * A statement's name on PostgreSQL, from its text: a pooled connection keeps every name it
 * prepared, and refuses one given again for another text. A counter would not do: Next.js
 * bundles this module more than once (pages, route handlers), each copy counting from 1; and
 * inside write() a query is prepared again for each transaction (getDb() answers that
 * transaction), so a name of its own each time left one more prepared statement on the
 * pooled connection per comment POST. The same text keeps the same name, prepared once per connection.
 */
function statementName(text: string): string {
  return `quire_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
}

function prepare<Query extends Buildable>(query: Query): Prepared<RowOf<Query>> {
  if (databaseKind() === "postgres") {
    const name = statementName(query.toSQL().sql);
    const statement = (query as unknown as { prepare(name: string): PgStatement }).prepare(name);
    return {
      all: async (params) => (await statement.execute(params)) as RowOf<Query>[],
      get: async (params) => (await statement.execute(params))[0] as RowOf<Query> | undefined,
    };
  }
  const statement = query.prepare() as SqliteStatement;
  return {
    all: async (params) => statement.all(params) as RowOf<Query>[],
    get: async (params) => statement.get(params) as RowOf<Query> | undefined,
  };
}

/**
 * A prepared query per shape: `shape(...args)` names what makes the SQL differ, and
 * `build(db, ...args)` makes it the first time that shape is asked for on this connection.
 */
export function preparedByShape<Args extends unknown[], Query extends Buildable>(
  shape: (...args: Args) => string,
  build: (db: Db, ...args: Args) => Query,
): (...args: Args) => Prepared<RowOf<Query>> {
  // Per connection: the reader and the writer (inside write()) each prepare their own, and a
  // connection closed by a test file is forgotten with it.
  const byConnection = new WeakMap<Db, Map<string, Prepared<RowOf<Query>>>>();
  return (...args) => {
    const db = getDb();
    let queries = byConnection.get(db);
    if (queries === undefined || queries.size >= MAX_SHAPES) {
      queries = new Map();
      byConnection.set(db, queries);
    }
    const key = shape(...args);
    let query = queries.get(key);
    if (query === undefined) {
      query = prepare(build(db, ...args));
      queries.set(key, query);
    }
    return query;
  };
}

/** A query with one shape: built and prepared once per connection. */
export function prepared<Query extends Buildable>(build: (db: Db) => Query): () => Prepared<RowOf<Query>> {
  return preparedByShape(() => "", build);
}
