import "server-only";
import { decodeProtectedHeader, jwtVerify } from "jose";

// Ghost's Admin API authentication: `Authorization: Ghost <JWT>`, HS256-signed with the
// Admin key's secret (hex-decoded), `kid` = key id, `aud` = "/admin/", at most 5 minutes.
const MAX_LIFETIME_SECONDS = 5 * 60;
const AUDIENCES = ["/admin/", "/v5/admin/", "/v4/admin/", "/v3/admin/", "/canary/admin/"];

export type TokenCheck = { ok: true; keyId: string } | { ok: false; message: string };

/** Verifies a token; `secretFor` returns the hex secret of an active Admin key, or null. */
export async function verifyAdminToken(
  authorization: string | null,
  secretFor: (keyId: string) => string | null | Promise<string | null>,
): Promise<TokenCheck> {
  const match = authorization?.match(/^Ghost ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/);
  if (!match) return { ok: false, message: "Authorization header must be 'Ghost <token>'." };
  const token = match[1]!;

  let keyId: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    keyId = typeof header.kid === "string" ? header.kid : undefined;
  } catch {
    return { ok: false, message: "The token is malformed." };
  }
  if (!keyId || !/^[0-9a-f]{24}$/.test(keyId)) return { ok: false, message: "The token names no valid key id (kid)." };
  const secret = await secretFor(keyId);
  if (!secret) return { ok: false, message: "Unknown or revoked Admin API key." };

  try {
    const { payload } = await jwtVerify(token, Buffer.from(secret, "hex"), {
      algorithms: ["HS256"],
      audience: AUDIENCES,
      requiredClaims: ["iat", "exp"],
      clockTolerance: 5,
    });
    if (payload.exp! - payload.iat! > MAX_LIFETIME_SECONDS) {
      return { ok: false, message: "The token lives longer than 5 minutes." };
    }
    return { ok: true, keyId };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_JWT_EXPIRED") return { ok: false, message: "The token has expired." };
    if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") return { ok: false, message: "The token's claims are invalid." };
    return { ok: false, message: "The token's signature is invalid." };
  }
}
