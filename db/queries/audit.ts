import "server-only";
import { desc } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { auditLog } from "../schema";
import { likeStartsWith, paginate } from "./sql";

export type AuditEntry = {
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
};

/** Written inside the same write() as the change it describes, on its `db`. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insert(auditLog)
    .values({ ...entry, targetId: entry.targetId === undefined ? null : String(entry.targetId) });
}

/** The audit log page: newest first, optionally one kind of action ("post." matches every post action). */
export async function listAuditPage({ page, perPage, action }: { page: number; perPage: number; action?: string }) {
  const condition = action ? likeStartsWith(auditLog.action, action) : undefined;
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
    .$dynamic();
  return paginate({ table: auditLog, where: condition, rows }, { page, perPage });
}
