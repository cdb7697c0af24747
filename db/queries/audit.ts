import "server-only";
import { desc } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { auditLog } from "../schema";

export type AuditEntry = {
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
};

/** Written inside the same transaction as the change it describes. */
export function recordAudit(db: Tx | ReturnType<typeof getDb>, entry: AuditEntry) {
  db.insert(auditLog)
    .values({ ...entry, targetId: entry.targetId === undefined ? null : String(entry.targetId) })
    .run();
}

export function listRecentAudit({ limit }: { limit: number }) {
  return getDb()
    .select({
      id: auditLog.id,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .all();
}
