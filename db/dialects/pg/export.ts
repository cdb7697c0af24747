import pg from "pg";
import type { ExportSource } from "../../queries/export";

// The export's snapshot on PostgreSQL: the counterpart of the SQLite file opened read-only in
// db/queries/export.ts. A client of its own (never one of the pool's: it stays inside one
// transaction for the whole export) in REPEATABLE READ, so every page comes from the snapshot
// its first statement took while the site keeps writing; READ ONLY, as the SQLite connection is.

const { builtins, getTypeParser } = pg.types;
const parseTimestamp = getTypeParser(builtins.TIMESTAMPTZ) as (text: string) => Date;

/**
 * The rows in SQLite's encodings, which the export's row types describe: dates as epoch
 * milliseconds, booleans as 0/1, JSON as its text (the exporters parse it themselves), and
 * counts and bigint columns as numbers (pg answers a bigint as text, to lose no digits;
 * epoch milliseconds and byte counts stay far below 2^53).
 */
export const SQLITE_ENCODINGS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    switch (oid) {
      case builtins.TIMESTAMPTZ:
        return (text: string) => parseTimestamp(text).getTime();
      case builtins.BOOL:
        return (text: string) => (text === "t" ? 1 : 0);
      case builtins.INT8:
        return Number;
      case builtins.JSON:
      case builtins.JSONB:
        return (text: string) => text;
      default:
        return getTypeParser(oid, format);
    }
  }) as typeof getTypeParser,
};

/**
 * The reader's SQL names its parameters `@name`, as better-sqlite3 binds them; PostgreSQL
 * numbers them. The export's SQL holds no `@` anywhere else (no string literal has one).
 */
function numbered(sql: string): { text: string; names: string[] } {
  const names: string[] = [];
  const text = sql.replace(/@(\w+)/g, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, names };
}

/** Opens the snapshot on the database at `url`; `close()` ends its transaction and its connection. */
export async function openPgExportSource(url: string): Promise<ExportSource> {
  const client = new pg.Client({ connectionString: url, application_name: "quire-export", types: SQLITE_ENCODINGS });
  // A connection the server cuts mid-export must not crash the process: the next query fails instead.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // The snapshot is taken at the transaction's first statement, not at BEGIN: take it now.
    await client.query("SELECT 1");
  } catch (error) {
    await client.end();
    throw error;
  }

  // Each statement is prepared once on this connection (a named statement), as SQLite's are.
  const statements = new Map<string, { name: string; text: string; names: string[] }>();
  return {
    kind: "postgres",
    async all<R>(sql: string, params: Record<string, unknown> = {}): Promise<R[]> {
      let statement = statements.get(sql);
      if (!statement) {
        statement = { name: `quire_export_${statements.size + 1}`, ...numbered(sql) };
        statements.set(sql, statement);
      }
      const values = statement.names.map((name) => params[name]);
      return (await client.query<R & pg.QueryResultRow>({ name: statement.name, text: statement.text, values })).rows;
    },
    async close() {
      // Nothing was written (READ ONLY): a COMMIT that fails, on a connection already cut,
      // loses nothing, and must not hide the error that ended the export.
      await client.query("COMMIT").catch(() => {});
      await client.end();
    },
  };
}
