import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { apiKeys, integrations, webhooks } from "../schema";
import { write } from "../transaction";
import { type AuditEntry, recordAudit } from "./audit";

export type IntegrationRole = (typeof integrations.$inferInsert)["role"];

/** Key material made by the caller (lib/integrations/api-keys): stored hashed or encrypted, never plain. */
export type IssuedKeys = {
  contentKeyId: string;
  contentKeyHash: string;
  adminKeyId: string;
  adminSecretEncrypted: string;
};

async function insertKeys(db: Db, integrationId: number, keys: IssuedKeys) {
  await db.insert(apiKeys).values([
    { id: keys.contentKeyId, integrationId, type: "content", secretHash: keys.contentKeyHash },
    { id: keys.adminKeyId, integrationId, type: "admin", secretEncrypted: keys.adminSecretEncrypted },
  ]);
}

export async function createIntegration(
  { name, role, createdBy }: { name: string; role: NonNullable<IntegrationRole>; createdBy: number | null },
  keys: IssuedKeys,
  audit: Omit<AuditEntry, "action" | "targetType" | "targetId">,
) {
  return await write(async (db) => {
    const [integration] = await db
      .insert(integrations)
      .values({ name, role, createdBy })
      .returning({ id: integrations.id });
    const { id } = integration!; // an insert returns its row
    await insertKeys(db, id, keys);
    await recordAudit(db, {
      ...audit,
      action: "integration.create",
      targetType: "integration",
      targetId: id,
      details: { name, role },
    });
    return { id };
  });
}

/** Revokes an integration's active keys and issues new ones, together. */
export async function rotateIntegrationKeys(
  id: number,
  keys: IssuedKeys,
  audit: Omit<AuditEntry, "action" | "targetType" | "targetId">,
): Promise<boolean> {
  return await write(async (db) => {
    const [exists] = await db.select({ id: integrations.id }).from(integrations).where(eq(integrations.id, id));
    if (!exists) return false;
    await db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.integrationId, id), isNull(apiKeys.revokedAt)));
    await insertKeys(db, id, keys);
    await recordAudit(db, { ...audit, action: "integration.rotate_keys", targetType: "integration", targetId: id });
    return true;
  });
}

/** Deletes an integration: its keys and webhooks go with it. */
export async function deleteIntegration(
  id: number,
  audit: Omit<AuditEntry, "action" | "targetType" | "targetId">,
): Promise<boolean> {
  return await write(async (db) => {
    const deleted =
      (await db.delete(integrations).where(eq(integrations.id, id)).returning({ id: integrations.id })).length > 0;
    if (deleted)
      await recordAudit(db, { ...audit, action: "integration.delete", targetType: "integration", targetId: id });
    return deleted;
  });
}

export async function listIntegrations() {
  const db = getDb();
  const rows = await db
    .select({
      id: integrations.id,
      name: integrations.name,
      role: integrations.role,
      createdAt: integrations.createdAt,
    })
    .from(integrations)
    .orderBy(desc(integrations.createdAt));
  const keys = await db
    .select({
      id: apiKeys.id,
      integrationId: apiKeys.integrationId,
      type: apiKeys.type,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(isNull(apiKeys.revokedAt));
  const hooks = await db
    .select({
      id: webhooks.id,
      integrationId: webhooks.integrationId,
      event: webhooks.event,
      targetUrl: webhooks.targetUrl,
    })
    .from(webhooks);
  return rows.map((row) => ({
    ...row,
    keys: keys.filter((key) => key.integrationId === row.id),
    webhooks: hooks.filter((hook) => hook.integrationId === row.id),
  }));
}

/** The integration behind an active Admin key, with its encrypted secret (for JWT checks). */
export async function getActiveAdminKey({ id }: { id: string }) {
  const [key] = await getDb()
    .select({
      integrationId: apiKeys.integrationId,
      secretEncrypted: apiKeys.secretEncrypted,
      role: integrations.role,
      name: integrations.name,
    })
    .from(apiKeys)
    .innerJoin(integrations, eq(integrations.id, apiKeys.integrationId))
    .where(and(eq(apiKeys.id, id), eq(apiKeys.type, "admin"), isNull(apiKeys.revokedAt)))
    .limit(1);
  return key;
}

/** Active Content key hashes; few enough to compare in constant time one by one. */
export async function listActiveContentKeyHashes() {
  return await getDb()
    .select({ id: apiKeys.id, secretHash: apiKeys.secretHash })
    .from(apiKeys)
    .where(and(eq(apiKeys.type, "content"), isNull(apiKeys.revokedAt)));
}

export async function touchApiKey({ id }: { id: string }) {
  await write((db) => db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, id)));
}

type AuditBase = Omit<AuditEntry, "action" | "targetType" | "targetId">;

/** Subscribes a URL of an existing integration to one event. */
export async function addWebhook(
  input: { integrationId: number; event: (typeof webhooks.$inferInsert)["event"]; targetUrl: string },
  audit: AuditBase,
) {
  return await write(async (db) => {
    const [exists] = await db
      .select({ id: integrations.id })
      .from(integrations)
      .where(eq(integrations.id, input.integrationId));
    if (!exists) return null;
    const [hook] = await db.insert(webhooks).values(input).returning({ id: webhooks.id });
    const { id } = hook!; // an insert returns its row
    await recordAudit(db, {
      ...audit,
      action: "webhook.create",
      targetType: "webhook",
      targetId: id,
      details: { event: input.event, targetUrl: input.targetUrl },
    });
    return { id };
  });
}

export async function deleteWebhook(id: number, audit: AuditBase): Promise<boolean> {
  return await write(async (db) => {
    const deleted = (await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id })).length > 0;
    if (deleted) await recordAudit(db, { ...audit, action: "webhook.delete", targetType: "webhook", targetId: id });
    return deleted;
  });
}
