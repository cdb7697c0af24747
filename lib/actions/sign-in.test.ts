import { beforeEach, describe, expect, it, vi } from "vitest";
import { migratedDb } from "@/test/helpers";
import { resetThrottles } from "../security/throttle";
import { signInAction } from "./sign-in";

// Auth.js cannot load outside Next.js: a stand-in that accepts one password.
const AuthError = vi.hoisted(() => class AuthError extends Error {});
vi.mock("next-auth", () => ({ AuthError }));
vi.mock("../auth", () => ({
  auth: async () => null,
  signIn: async (_provider: string, { password }: { password: string }) => {
    if (password !== "right password") throw new AuthError("CredentialsSignin");
  },
}));
vi.mock("../comments/request", () => ({ clientAddress: async () => ({ ip: "203.0.113.20", userAgent: null }) }));

async function redirectTarget(callbackUrl: string): Promise<string> {
  try {
    await signInAction(null, { email: "owner@example.com", password: "right password", callbackUrl });
  } catch (error) {
    // Next.js's redirect(): "NEXT_REDIRECT;<type>;<url>;<status>;"
    return String((error as { digest: string }).digest).split(";")[2]!;
  }
  throw new Error("no redirect");
}

describe("sign-in's redirect after success", () => {
  beforeEach(async () => {
    migratedDb();
    await resetThrottles();
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "javascript:alert(1)",
    "http:evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "%2F%2Fevil.example",
  ])("goes to the dashboard, not to %j", async (callbackUrl) => {
    expect(await redirectTarget(callbackUrl)).toBe("/admin");
  });

  it("keeps a path on this site", async () => {
    expect(await redirectTarget("/admin/posts?status=draft")).toBe("/admin/posts?status=draft");
  });

  it("a wrong password and a throttled right one get the very same answer", async () => {
    const wrong = await signInAction(null, { email: "owner@example.com", password: "nope" });
    for (let i = 0; i < 4; i++) await signInAction(null, { email: "owner@example.com", password: "nope" });
    const throttled = await signInAction(null, { email: "owner@example.com", password: "right password" });
    expect(throttled).toEqual(wrong);
    expect(wrong).toMatchObject({ ok: false, error: "Email or password is incorrect." });
  });
});
