import type Database from "better-sqlite3";

// Drizzle asks better-sqlite3 to prepare every query it runs, every time: SQLite parses and
// plans the same SQL again on each request (4 % of an uncached post render, issue 16). The
// connection Drizzle is given keeps each statement by its SQL and hands it out again. Only
// Drizzle's queries go through here: code that prepares on `$client` itself keeps its own.
const KEPT_STATEMENTS = 500; // SQL with a variable number of ids differs by length: bounded

/** What Drizzle's better-sqlite3 session uses of a connection, with prepared statements reused. */
export function reusingStatements(sqlite: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const client = {
    prepare(source: string): Database.Statement {
      const kept = statements.get(source);
      // A statement still being iterated cannot run again: that caller gets a fresh one.
      if (kept && !kept.busy) {
        statements.delete(source); // most recently used last, so the oldest goes first
        statements.set(source, kept);
        // Drizzle turns raw (array) rows on for typed selects, and expects objects otherwise.
        if (kept.reader) kept.raw(false);
        return kept;
      }
      const statement = sqlite.prepare(source);
      if (kept) return statement;
      statements.set(source, statement);
      if (statements.size > KEPT_STATEMENTS) statements.delete(statements.keys().next().value!);
      return statement;
    },
    transaction: sqlite.transaction.bind(sqlite),
  };
  // Drizzle's session calls nothing else on its client (drizzle-orm/better-sqlite3/session).
  return client as unknown as Database.Database;
}
