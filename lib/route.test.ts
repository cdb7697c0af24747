// route(): who asks, then the Origin, then the body, then the handler; every refusal a
// JSON error whose status comes from the one table in lib/errors.ts.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/session";
import { AppError } from "./errors";
import { route } from "./route";

const state = vi.hoisted(() => ({ user: null as SessionUser | null, sessionReads: 0 }));
vi.mock("@/lib/session", () => ({
  getCurrentUser: async () => {
    state.sessionReads++;
    return state.user;
  },
}));
vi.mock("@/lib/admin-api/auth", async () => {
  const { AppError } = await import("./errors");
  return {
    authenticateApi: async (request: Request) =>
      request.headers.get("authorization") === "Ghost good"
        ? { user: { id: 3, name: "Ed", role: "editor", label: "Robot" } }
        : { error: new AppError("unauthenticated", "Unknown key.") },
  };
});

const SITE = "http://blog.example";
const SAME_SITE = { origin: SITE, host: "blog.example" };
const author: SessionUser = { id: 7, name: "Ann", email: "ann@example.com", role: "author" };
const post = (headers: Record<string, string>, body?: string) =>
  new Request(`${SITE}/api/thing`, { method: "POST", headers, body });
const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

beforeEach(() => {
  state.user = null;
  state.sessionReads = 0;
});

describe("route() with a session", () => {
  const ran = vi.fn();
  const editorsOnly = route({ auth: { session: "editor" } }, (_request, { user }) => {
    ran(user.id);
    return Response.json({ ok: true });
  });

  it("tells an anonymous caller to sign in (401) before looking at the Origin", async () => {
    expect(await answer(await editorsOnly(post({})))).toEqual({
      status: 401,
      body: { error: "Please sign in to continue." },
    });
  });

  it("refuses a role below the route's (403), and a cross-site or Origin-less request from the right role", async () => {
    state.user = author;
    expect((await editorsOnly(post(SAME_SITE))).status).toBe(403);
    state.user = { ...author, role: "editor" };
    expect((await editorsOnly(post({ host: "blog.example" }))).status).toBe(403);
    expect((await editorsOnly(post({ ...SAME_SITE, origin: "https://evil.example" }))).status).toBe(403);
    expect(ran).not.toHaveBeenCalled();
    expect((await editorsOnly(post(SAME_SITE))).status).toBe(200);
    expect(ran).toHaveBeenCalledWith(7);
  });

  it("turns an AppError into its status from the table, and anything else into a 500 that says nothing more", async () => {
    state.user = author;
    const failing = (error: Error) =>
      route({ auth: { session: "public" } }, () => {
        throw error;
      })(post(SAME_SITE));
    expect(await answer(await failing(new AppError("too_large", "Too big.")))).toEqual({
      status: 413,
      body: { error: "Too big." },
    });
    expect((await failing(new AppError("unsupported_type"))).status).toBe(415);
    expect((await failing(new AppError("not_found"))).status).toBe(404);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await answer(await failing(new Error("disk on fire")))).toEqual({
      status: 500,
      body: { error: "Something went wrong on our side. Nothing was saved; please try again." },
    });
    quiet.mockRestore();
  });
});

describe("route() with a JSON body", () => {
  const schema = z.object({ n: z.coerce.number().int().positive("Give a positive number.") });
  const double = route({ auth: { session: "public" }, json: { schema, unreadable: "Send JSON." } }, (_r, { input }) =>
    Response.json({ doubled: input.n * 2 }),
  );

  it("answers 400 to a body that is not a JSON object, 422 naming the field zod refused, and runs with the parsed input", async () => {
    expect(await answer(await double(post(SAME_SITE, "n=2")))).toEqual({ status: 400, body: { error: "Send JSON." } });
    expect(await answer(await double(post(SAME_SITE, "[2]")))).toEqual({ status: 400, body: { error: "Send JSON." } });
    expect((await double(post(SAME_SITE, '{"n": -1}'))).status).toBe(422);
    expect(await answer(await double(post(SAME_SITE, '{"n": "21"}')))).toEqual({ status: 200, body: { doubled: 42 } });
  });

  it("gives the refusal the route's own shape", async () => {
    const shaped = route(
      {
        auth: { session: "public" },
        json: { schema, unreadable: "Send JSON." },
        errors: ({ message, fieldErrors }, status) => Response.json({ ok: false, message, fieldErrors }, { status }),
      },
      () => Response.json({}),
    );
    expect(await answer(await shaped(post(SAME_SITE, '{"n": 0}')))).toEqual({
      status: 422,
      body: { ok: false, message: "Some fields need your attention.", fieldErrors: { n: ["Give a positive number."] } },
    });
  });
});

describe("route() with an API key", () => {
  const whoAmI = route({ auth: { apiKey: true } }, (_request, { user }) => Response.json({ label: user.label }));

  it("takes the key, never the cookie, and asks for no Origin", async () => {
    state.user = { ...author, role: "owner" };
    expect(await answer(await whoAmI(post(SAME_SITE)))).toEqual({ status: 401, body: { error: "Unknown key." } });
    expect(await answer(await whoAmI(post({ authorization: "Ghost good" })))).toEqual({
      status: 200,
      body: { label: "Robot" },
    });
    expect(state.sessionReads).toBe(0);
  });
});
