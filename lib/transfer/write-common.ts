import "server-only";
import type { Db } from "@/db/client";
import type { ImportSql, SourceKey } from "@/db/queries/imports";
import { htmlToText } from "./convert";
import type { ImportReport } from "./report";
import type { Staging } from "./staging";

/** What each step of an import's one write() (write.ts) works with. */
export type WriteContext = {
  /** The connection write() hands over: the import's transaction. */
  db: Db;
  /** Prepared statements for the steps that run once per post or comment. */
  sql: ImportSql;
  staging: Staging;
  report: ImportReport;
  /** An item of this source in the ledger of what was imported, so a second import finds it. */
  key: (sourceKind: string, sourceId: string) => SourceKey;
  /** Called before each item is written: progress, and the tests' injected failures. */
  step: (kind: string) => Promise<void>;
};

/** An HTML field of the source as plain text of at most `max` characters; null when empty. */
export function clip(text: string | null | undefined, max: number): string | null {
  const plain = text ? htmlToText(text).slice(0, max) : "";
  return plain || null;
}
