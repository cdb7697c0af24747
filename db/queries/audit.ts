import "server-only";
import { count, desc, like, sql } from "drizzle-orm";
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

/** The audit log page: newest first, optionally one kind of action ("post." matches every post action). */
export function listAuditPage({ page, perPage, action }: { page: number; perPage: number; action?: string }) {
  const condition = action ? like(auditLog.action, `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : sql`1 = 1`;
  const total = getDb().select({ n: count() }).from(auditLog).where(condition).get()?.n ?? 0;
  const rows = getDb()
    .select({
      id: auditLog.id,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { rows, total };
}
