import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { apiKeys, integrations, webhooks } from "../schema";
import { type AuditEntry, recordAudit } from "./audit";

export type IntegrationRole = (typeof integrations.$inferInsert)["role"];

/** Key material made by the caller (lib/integrations/api-keys): stored hashed or encrypted, never plain. */
export type IssuedKeys = {
  contentKeyId: string;
  contentKeyHash: string;
  adminKeyId: string;
  adminSecretEncrypted: string;
};

function insertKeys(tx: Tx, integrationId: number, keys: IssuedKeys) {
  tx.insert(apiKeys)
    .values([
      { id: keys.contentKeyId, integrationId, type: "content", secretHash: keys.contentKeyHash },
      { id: keys.adminKeyId, integrationId, type: "admin", secretEncrypted: keys.adminSecretEncrypted },
    ])
    .run();
}

export function createIntegration(
  { name, role, createdBy }: { name: string; role: NonNullable<IntegrationRole>; createdBy: number | null },
  keys: IssuedKeys,
  audit: Omit<AuditEntry, "action" | "targetType" | "targetId">,
) {
  return getDb().transaction(
    (tx) => {
      const integration = tx
        .insert(integrations)
        .values({ name, role, createdBy })
        .returning({ id: integrations.id })
        .get();
      insertKeys(tx, integration.id, keys);
      recordAudit(tx, {
        ...audit,
        action: "integration.create",
        targetType: "integration",
        targetId: integration.id,
        details: { name, role },
      });
      return integration;
    },
    { behavior: "immediate" },
  );
}

/** Revokes an integration's active keys and issues new ones, together. */
export function rotateIntegrationKeys(
  id: number,
  keys: IssuedKeys,
  audit: Omit<AuditEntry, "action" | "targetType" | "targetId">,
) {
  return getDb().transaction(
    (tx) => {
      const exists = tx.select({ id: integrations.id }).from(integrations).where(eq(integrations.id, id)).get();
      if (!exists) return false;
      tx.update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiKeys.integrationId, id), isNull(apiKeys.revokedAt)))
        .run();
      insertKeys(tx, id, keys);
      recordAudit(tx, { ...audit, action: "integration.rotate_keys", targetType: "integration", targetId: id });
      return true;
    },
    { behavior: "immediate" },
  );
}

/** Deletes an integration: its keys and webhooks go with it. */
export function deleteIntegration(id: number, audit: Omit<AuditEntry, "action" | "targetType" | "targetId">) {
  return getDb().transaction(
    (tx) => {
      const deleted = tx.delete(integrations).where(eq(integrations.id, id)).run().changes > 0;
      if (deleted) recordAudit(tx, { ...audit, action: "integration.delete", targetType: "integration", targetId: id });
      return deleted;
    },
    { behavior: "immediate" },
  );
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

export function touchApiKey({ id }: { id: string }) {
  getDb().update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, id)).run();
}

type AuditBase = Omit<AuditEntry, "action" | "targetType" | "targetId">;

/** Subscribes a URL of an existing integration to one event. */
export function addWebhook(
  input: { integrationId: number; event: (typeof webhooks.$inferInsert)["event"]; targetUrl: string },
  audit: AuditBase,
) {
  return getDb().transaction(
    (tx) => {
      const exists = tx
        .select({ id: integrations.id })
        .from(integrations)
        .where(eq(integrations.id, input.integrationId))
        .get();
      if (!exists) return null;
      const hook = tx.insert(webhooks).values(input).returning({ id: webhooks.id }).get();
      recordAudit(tx, {
        ...audit,
        action: "webhook.create",
        targetType: "webhook",
        targetId: hook.id,
        details: { event: input.event, targetUrl: input.targetUrl },
      });
      return hook;
    },
    { behavior: "immediate" },
  );
}

export function deleteWebhook(id: number, audit: AuditBase) {
  return getDb().transaction(
    (tx) => {
      const deleted = tx.delete(webhooks).where(eq(webhooks.id, id)).run().changes > 0;
      if (deleted) recordAudit(tx, { ...audit, action: "webhook.delete", targetType: "webhook", targetId: id });
      return deleted;
    },
    { behavior: "immediate" },
  );
}
