import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { generateAdminKey } from "./api-keys";
import { verifyAdminToken } from "./ghost-jwt";

const key = generateAdminKey();
const secrets = (id: string) => (id === key.id ? key.secret : null);

/** A token as @tryghost/admin-api makes one. */
function token({ kid = key.id, secret = key.secret, aud = "/admin/", lifetime = 300, iatOffset = 0 } = {}) {
  const iat = Math.floor(Date.now() / 1000) + iatOffset;
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", kid, typ: "JWT" })
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .setAudience(aud)
    .sign(Buffer.from(secret, "hex"));
}

describe("verifyAdminToken", () => {
  it("accepts a fresh token signed with an active key", async () => {
    expect(await verifyAdminToken(`Ghost ${await token()}`, secrets)).toEqual({ ok: true, keyId: key.id });
  });

  it.each([
    ["no header", async () => null, /must be 'Ghost <token>'/],
    ["a Bearer header", async () => `Bearer ${await token()}`, /must be 'Ghost <token>'/],
    ["an unknown key", async () => `Ghost ${await token({ kid: "a".repeat(24) })}`, /Unknown or revoked/],
    [
      "a wrong signature",
      async () => `Ghost ${await token({ secret: generateAdminKey().secret })}`,
      /signature is invalid/,
    ],
    ["an expired token", async () => `Ghost ${await token({ iatOffset: -600 })}`, /expired/],
    ["a 10-minute token", async () => `Ghost ${await token({ lifetime: 600 })}`, /longer than 5 minutes/],
    ["another audience", async () => `Ghost ${await token({ aud: "/members/" })}`, /claims are invalid/],
    ["garbage", async () => "Ghost a.b.c", /malformed/],
  ])("refuses %s", async (_name, header, message) => {
    const result = await verifyAdminToken(await header(), secrets);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});
