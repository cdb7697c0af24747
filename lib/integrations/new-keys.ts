import "server-only";
import { randomBytes } from "node:crypto";
import { getActiveAdminKey, type IssuedKeys, listActiveContentKeyHashes, touchApiKey } from "@/db/queries/integrations";
import { decryptSecret, encryptSecret, generateAdminKey, generateContentKey, hashKey, sameHash } from "./api-keys";
import { verifyAdminToken } from "./ghost-jwt";

/** New keys: what to store, and what to show the person once. */
export function issueKeys(): { stored: IssuedKeys; shown: { contentKey: string; adminKey: string } } {
  const contentKey = generateContentKey();
  const admin = generateAdminKey();
  return {
    stored: {
      contentKeyId: randomBytes(12).toString("hex"),
      contentKeyHash: hashKey(contentKey),
      adminKeyId: admin.id,
      adminSecretEncrypted: encryptSecret(admin.secret),
    },
    shown: { contentKey, adminKey: `${admin.id}:${admin.secret}` },
  };
}

/** Is `key` an active Content API key? */
export async function authenticateContentKey(key: string | null): Promise<boolean> {
  if (!key || !/^[0-9a-f]{26}$/.test(key)) return false;
  const hash = hashKey(key);
  const match = (await listActiveContentKeyHashes()).find((row) => row.secretHash && sameHash(row.secretHash, hash));
  if (match) await touchApiKey({ id: match.id });
  return !!match;
}

export type ApiActor = { integrationId: number; name: string; role: "contributor" | "author" | "editor" | "admin" };

/** The integration an `Authorization: Ghost <JWT>` header speaks for, or why not. */
export async function authenticateAdminRequest(
  authorization: string | null,
): Promise<{ ok: true; actor: ApiActor } | { ok: false; message: string }> {
  let actor: ApiActor | undefined;
  const check = await verifyAdminToken(authorization, async (keyId) => {
    const key = await getActiveAdminKey({ id: keyId });
    if (!key?.secretEncrypted) return null;
    actor = { integrationId: key.integrationId, name: key.name, role: key.role };
    return decryptSecret(key.secretEncrypted);
  });
  if (!check.ok || !actor)
    return { ok: false, message: check.ok ? "Unknown or revoked Admin API key." : check.message };
  await touchApiKey({ id: check.keyId });
  return { ok: true, actor };
}
