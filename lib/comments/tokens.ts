import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";
import { persistentSecret } from "../security/secrets";

// Signing keys that survive restarts, kept in the data folder (lib/security/secrets), read once.
let keys: { signing: string; ipSalt: string } | undefined;
const loadKeys = () =>
  (keys ??= {
    signing: persistentSecret("comments", getEnv().QUIRE_COMMENTS_SECRET),
    ipSalt: persistentSecret("ip-salt", getEnv().QUIRE_IP_SALT),
  });
const signingKey = () => loadKeys().signing;
const ipSalt = () => loadKeys().ipSalt;

const sign = (purpose: string, value: string) =>
  createHmac("sha256", signingKey()).update(`${purpose}:${value}`).digest("base64url");

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const MIN_FORM_AGE_MS = 3_000;
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;

/** The issued-at token printed in the comment form: a timestamp and its signature. */
export function issueFormToken(now = Date.now()): string {
  return `${now}.${sign("issued", String(now))}`;
}

/** "ok", or why the form's age refuses it: too fast (a bot), too old, or forged. */
export function checkFormToken(token: string | undefined, now = Date.now()): "ok" | "too_fast" | "expired" | "invalid" {
  const [time, signature] = (token ?? "").split(".");
  if (!time || !signature || !/^\d{1,15}$/.test(time) || !safeEqual(signature, sign("issued", time))) return "invalid";
  const age = now - Number(time);
  if (age < MIN_FORM_AGE_MS) return "too_fast";
  if (age > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}

/** A fresh capability token for the commenter's edit window, and the hash that is stored. */
export function newEditToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashEditToken(token) };
}

export const hashEditToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** IP addresses are kept only as salted hashes. */
export function hashIp(ip: string | null): string | null {
  return ip ? createHmac("sha256", ipSalt()).update(ip).digest("hex").slice(0, 32) : null;
}

/** The unsubscribe token in every e-mail: the address and its signature, no account needed. */
export function unsubscribeToken(email: string): string {
  const encoded = Buffer.from(email).toString("base64url");
  return `${encoded}.${sign("unsubscribe", email)}`;
}

export function readUnsubscribeToken(token: string): string | null {
  const [encoded, signature] = token.split(".");
  if (!encoded || !signature) return null;
  const email = Buffer.from(encoded, "base64url").toString("utf8");
  return safeEqual(signature, sign("unsubscribe", email)) ? email : null;
}
