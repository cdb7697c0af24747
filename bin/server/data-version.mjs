// Tells whether anything committed to the database since the last look, whoever wrote it:
// the app, the CLI, the scheduler, a test writing the file directly. SQLite's
// `PRAGMA data_version` changes whenever another connection commits; it costs a few
// microseconds (a read of the WAL index), so it is asked on every cacheable request.
import Database from "better-sqlite3";

/**
 * A function returning the database's current data version, or null when the file
 * cannot be opened (then nothing is cached: freshness cannot be proven). Its `connection`
 * may write: data_version does not change for this connection's own commits, so what is
 * written through it (analytics counts) leaves the page cache full. Only writes that no
 * page shows may go through it.
 * @param {string} file
 * @returns {((() => number) & { connection: import("better-sqlite3").Database }) | null}
 */
export function openDataVersion(file) {
  try {
    let db;
    try {
      db = new Database(file, { fileMustExist: true });
    } catch {
      db = new Database(file, { readonly: true, fileMustExist: true }); // then analytics writes through the app's connection
    }
    db.pragma("busy_timeout = 5000");
    // As every Quire connection (db/connection.ts): in WAL mode, no fsync per commit.
    if (!db.readonly) db.pragma("synchronous = NORMAL");
    const statement = db.prepare("PRAGMA data_version").pluck();
    statement.get();
    return Object.assign(() => /** @type {number} */ (statement.get()), { connection: db });
  } catch (error) {
    console.error(`[quire] page cache off: cannot watch ${file} (${error instanceof Error ? error.message : error})`);
    return null;
  }
}
