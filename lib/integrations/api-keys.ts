import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "../security/secrets";

// Key formats follow Ghost's, so its official clients accept them unchanged:
// a Content key is 26 hex characters; an Admin key is "<24 hex id>:<64 hex secret>".

export function generateContentKey(): string {
  return randomBytes(13).toString("hex");
}

export function generateAdminKey(): { id: string; secret: string } {
  return { id: randomBytes(12).toString("hex"), secret: randomBytes(32).toString("hex") };
}

/** Content keys are only ever compared, so only their hash is kept. */
export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

// Admin secrets must stay usable to verify HMAC signatures, so they are encrypted
// (AES-256-GCM) with a key derived from the site secret rather than hashed.
function encryptionKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "quire", "quire admin api key secrets v1", 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unreadable stored secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
