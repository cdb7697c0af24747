import "server-only";
import { getDb, type Db } from "../client";

// Building a query with Drizzle's builder (columns, joins, conditions → SQL text) cost more
// than running it on the reader pages (issue 16's profile). The hot reader queries are built
// once per connection with placeholders and run with `.get({...})` / `.all({...})`; a query
// whose SQL changes with its arguments (a tag or none, a cursor or none) is built once per shape.
const MAX_SHAPES = 64; // shapes are few (a handful of scope kinds); bounded whatever happens

/**
 * A prepared query per shape: `shape(...args)` names what makes the SQL differ, and
 * `build(db, ...args)` makes it the first time that shape is asked for on this connection.
 */
export function preparedByShape<Args extends unknown[], Query>(
  shape: (...args: Args) => string,
  build: (db: Db, ...args: Args) => Query,
): (...args: Args) => Query {
  // Per connection: the reader and the writer (inside write()) each prepare their own, and a
  // connection closed by a test file is forgotten with it.
  const byConnection = new WeakMap<Db, Map<string, Query>>();
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
      query = build(db, ...args);
      queries.set(key, query);
    }
    return query;
  };
}

/** A query with one shape: built and prepared once per connection. */
export function prepared<Query>(build: (db: Db) => Query): () => Query {
  return preparedByShape(() => "", build);
}
