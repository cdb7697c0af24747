// Tells whether anything committed to the database since the last look, whoever wrote it:
// the app, the CLI, the scheduler, a test writing the file directly. SQLite's
// `PRAGMA data_version` changes whenever another connection commits; it costs a few
// microseconds (a read of the WAL index), so it is asked on every cacheable request.
import Database from "better-sqlite3";

/**
 * A function returning the database's current data version, or null when the file
 * cannot be opened (then nothing is cached: freshness cannot be proven).
 * @param {string} file
 */
export function openDataVersion(file) {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 1000");
    const statement = db.prepare("PRAGMA data_version").pluck();
    statement.get();
    return () => /** @type {number} */ (statement.get());
  } catch (error) {
    console.error(`[quire] page cache off: cannot watch ${file} (${error instanceof Error ? error.message : error})`);
    return null;
  }
}
