import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { write } from "@/db/transaction";
import type { SessionUser } from "@/lib/session";
import { hashPassword } from "@/lib/users/password";
import { resetThrottles } from "@/lib/security/throttle";
import { dump, seedSite } from "@/test/admin-fixture";
import {
  ACTORS,
  type ActorName,
  type MatrixRow,
  mutatingRoutes,
  serverActionFiles,
  type Target,
} from "@/test/authz-matrix";
import { ACCOUNT_ACTIONS } from "@/test/matrix/accounts";
import { ADMIN_ACTIONS } from "@/test/matrix/admin-actions";
import { COMMENT_ACTIONS } from "@/test/matrix/comments";
import { INTEGRATION_ACTIONS } from "@/test/matrix/integrations";
import { MEDIA_ACTIONS } from "@/test/matrix/media";

// Every mutating entry point of the app × every kind of person (test/authz-matrix.ts):
// exactly the allowed outcomes, and a refused call leaves every table as it was.

const state = vi.hoisted(() => {
  process.env.QUIRE_DISABLE_COMMENT_RATE_LIMITS = "1"; // the matrix is about who, not how often
  return {
    user: null as SessionUser | null,
    headers: { origin: "http://blog.example", host: "blog.example" } as Record<string, string>,
  };
});
const signOut = vi.hoisted(() => vi.fn());
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));
vi.mock("@/lib/email/send", () => ({ trySendEmail: async () => ({ delivered: false }) }));
// One client for every actor: from Next's request (server actions) or a route's own Request.
const CLIENT = vi.hoisted(() => ({ ip: "203.0.113.5", userAgent: "matrix" }));
vi.mock("@/lib/comments/request", () => ({ clientAddress: async () => CLIENT, clientOf: () => CLIENT }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(state.headers) }));
// Auth.js cannot load outside Next.js: its error class, and a sign-in that always fails.
const AuthError = vi.hoisted(() => class AuthError extends Error {});
vi.mock("next-auth", () => ({ AuthError }));
vi.mock("@/lib/auth", () => ({
  auth: async () => null,
  signOut,
  signIn: async () => {
    throw new AuthError("CredentialsSignin");
  },
}));

const MATRIX: MatrixRow[] = [
  ...ADMIN_ACTIONS,
  ...COMMENT_ACTIONS,
  ...MEDIA_ACTIONS,
  ...INTEGRATION_ACTIONS,
  ...ACCOUNT_ACTIONS,
];
let passwordHash = "";

beforeAll(async () => {
  passwordHash = await hashPassword("the old password");
});

beforeEach(async () => {
  await seedSite();
  // Every seeded person gets the same password, on purpose.
  // eslint-disable-next-line drizzle/enforce-update-with-where
  await write((db) => db.update(users).set({ passwordHash }));
  await resetThrottles();
  state.user = null;
  state.headers = { origin: "http://blog.example", host: "blog.example" };
});

describe("authorisation matrix: every mutating entry point × every actor", () => {
  for (const { what, run, allowed, reads } of MATRIX) {
    for (const [actor, target] of Object.entries(ACTORS) as [ActorName, Target][]) {
      const may = allowed.has(actor);
      it(`${actor} ${may ? "may" : "may not"} ${what}`, async () => {
        state.user = target.user;
        const before = await dump();
        const result = await run(target);
        expect(result.ok).toBe(may);
        if (may && !reads) expect(await dump()).not.toBe(before);
        else expect(await dump()).toBe(before);
      });
    }
  }
});

describe("a server action sent from another site, or with no Origin, changes nothing", () => {
  const actions = MATRIX.filter((row) => typeof row.entry === "function");
  for (const [label, headers] of [
    ["Origin: https://evil.example", { origin: "https://evil.example", host: "blog.example" }],
    ["Origin: null", { origin: "null", host: "blog.example" }],
    ["no Origin", { host: "blog.example" }],
    [
      "our Origin but another X-Forwarded-Host",
      { origin: "http://blog.example", host: "blog.example", "x-forwarded-host": "evil.example" },
    ],
  ] as const) {
    it(`${label}: all ${actions.length} action rows refused by whoever may do them`, async () => {
      for (const { what, run, allowed } of actions) {
        await seedSite();
        const actor = ([...allowed][0] ?? "owner") as ActorName;
        state.user = ACTORS[actor].user;
        state.headers = headers;
        signOut.mockClear();
        const before = await dump();
        const result = await run(ACTORS[actor]);
        expect.soft(await dump(), what).toBe(before);
        if (what === "sign out") expect.soft(signOut, what).not.toHaveBeenCalled();
        else expect.soft(result.ok, what).toBe(false);
      }
    });
  }
});

describe("the matrix covers every entry point", () => {
  const covered = new Set(MATRIX.map((row) => row.entry));

  it("every exported server action has a row", async () => {
    const missing: string[] = [];
    for (const file of serverActionFiles()) {
      const exported = (await import(path.resolve(import.meta.dirname, "../..", file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (typeof value === "function" && !covered.has(value)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(serverActionFiles().length).toBeGreaterThan(30);
  });

  it("every mutating route handler has a row", () => {
    const routes = mutatingRoutes();
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(9);
  });
});
