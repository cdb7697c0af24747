import "server-only";
import { getEnv } from "@/lib/env";
import { databaseFile, openDatabase, type Db } from "./connection";

export type { Db } from "./connection";
/** A Drizzle transaction handle: what `db.transaction(fn)` passes to `fn`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// One connection per process, opened on first use (never at build time) and kept
// across hot reloads in development.
const holder = globalThis as unknown as { quireDb?: Db };

export function getDb(): Db {
  holder.quireDb ??= openDatabase(databaseFile(getEnv().dataDir));
  return holder.quireDb;
}
