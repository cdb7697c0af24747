import { beforeEach, describe, expect, it, vi } from "vitest";
import { insertCheckedJob } from "@/db/queries/import-jobs";
import type { SessionUser } from "@/lib/session";
import { PEOPLE, seedSite } from "@/test/admin-fixture";
import { readImportJob } from "./read-access";

const state = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => state.user }));

const ID = "00000000-0000-4000-8000-0000000000aa";
const as = (person: (typeof PEOPLE)[keyof typeof PEOPLE]) => ({ ...person }) as SessionUser;
const ask = (headers: Record<string, string> = {}) =>
  readImportJob(new Request(`http://blog.example/api/import-export/jobs/${ID}`, { headers }), ID);

describe("an import job's progress and report routes", () => {
  beforeEach(async () => {
    await seedSite();
    await insertCheckedJob({
      id: ID,
      filePath: "/nowhere.xml",
      fileName: "old.xml",
      fileBytes: 1,
      format: "wordpress",
      dryRunReport: { format: "wordpress" },
      createdBy: PEOPLE.owner.id,
    });
  });

  it("tell an anonymous caller to sign in, and refuse an editor", async () => {
    state.user = null;
    expect(((await ask()) as Response).status).toBe(401);
    state.user = as(PEOPLE.editor);
    const refused = (await ask()) as Response;
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: expect.any(String) });
  });

  it("give the job to an administrator, but not to a page on another site", async () => {
    state.user = as(PEOPLE.admin);
    expect(await ask()).toMatchObject({ id: ID, status: "checked", fileName: "old.xml" });
    expect(((await ask({ "sec-fetch-site": "cross-site" })) as Response).status).toBe(403);
  });
});
