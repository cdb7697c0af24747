// The page cache's freshness signal on PostgreSQL, the counterpart of data-version.mjs:
// every instance LISTENs on one channel, and triggers on the content tables NOTIFY it when a
// statement changes them (docs/postgres.md, "change notification"). PostgreSQL delivers a
// notification when its transaction commits, to every listening connection on every machine,
// so a commit anywhere empties every instance's cache within the round trip.
import pg from "pg";

export const CHANGE_CHANNEL = "quire_changed";
const RETRY_MS = 1_000;

/**
 * A function returning a number that changes whenever something committed, as
 * `openDataVersion` does for SQLite. While the listening connection is down, changes may be
 * missed: the number then changes on every call, so nothing is served from the cache until
 * the connection is back (and the cache is emptied once more when it is).
 * @param {string} url
 * @param {{ retryMs?: number, onState?: (connected: boolean) => void }} [options]
 * @returns {(() => number) & { stop: () => Promise<void>, connected: () => boolean }}
 */
export function watchPgChanges(url, { retryMs = RETRY_MS, onState } = {}) {
  let version = 0;
  let connected = false;
  let stopped = false;
  /** @type {pg.Client | null} */
  let client = null;
  /** @type {NodeJS.Timeout | null} */
  let retry = null;

  function lost() {
    if (connected) onState?.(false);
    connected = false;
    version++;
    if (!stopped && !retry) retry = setTimeout(connect, retryMs).unref();
  }

  async function connect() {
    retry = null;
    const next = new pg.Client({ connectionString: url, application_name: "quire-changes" });
    client = next;
    next.on("notification", () => version++);
    next.on("error", () => {}); // followed by "end", handled there
    next.on("end", () => client === next && lost());
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (stopped) return void (await next.end());
      connected = true;
      version++; // whatever changed while no one listened
      onState?.(true);
    } catch {
      await next.end().catch(() => {});
      if (client === next) lost();
    }
  }

  void connect();
  const current = () => (connected ? version : ++version);
  return Object.assign(current, {
    connected: () => connected,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  });
}
