import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createIntegration } from "@/db/queries/integrations";
import { users } from "@/db/schema";
import { write } from "@/db/transaction";
import { ghostAuthorization, migratedDb } from "@/test/helpers";
import { issueKeys } from "../integrations/new-keys";
import { authenticateApi } from "./auth";

async function request(adminKey: string) {
  return new Request("http://quire.test/ghost/api/admin/posts/", {
    headers: { authorization: await ghostAuthorization(adminKey) },
  });
}

describe("authenticateApi", () => {
  let creatorId = 0;
  const setStatus = (status: "active" | "suspended") =>
    write((db) => db.update(users).set({ status }).where(eq(users.id, creatorId)));

  beforeAll(async () => {
    migratedDb();
    const [creator] = await write((db) =>
      db
        .insert(users)
        .values({ email: "ed@x.test", name: "Ed", slug: "ed", role: "editor", passwordHash: "h" })
        .returning({ id: users.id }),
    );
    creatorId = creator!.id;
  });

  it("acts as the creator, never above the creator's present role", async () => {
    const { stored, shown } = issueKeys();
    await createIntegration({ name: "Publisher", role: "admin", createdBy: creatorId }, stored, {
      actorId: creatorId,
      actorLabel: "Ed",
    });
    expect(await authenticateApi(await request(shown.adminKey), { write: true })).toEqual({
      user: { id: creatorId, name: "Ed", role: "editor", label: "Publisher" },
    });
  });

  it("keeps a lower integration role as it is", async () => {
    const { stored, shown } = issueKeys();
    await createIntegration({ name: "Drafts bot", role: "contributor", createdBy: creatorId }, stored, {
      actorId: creatorId,
      actorLabel: "Ed",
    });
    expect(await authenticateApi(await request(shown.adminKey), { write: true })).toMatchObject({
      user: { role: "contributor" },
    });
  });

  it("refuses writes once the creator is suspended", async () => {
    const { stored, shown } = issueKeys();
    await createIntegration({ name: "Orphan", role: "author", createdBy: creatorId }, stored, {
      actorId: creatorId,
      actorLabel: "Ed",
    });
    await setStatus("suspended");
    const result = await authenticateApi(await request(shown.adminKey), { write: true });
    expect("error" in result && result.error.code).toBe("forbidden");
    await setStatus("active");
  });
});
