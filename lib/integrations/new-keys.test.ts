import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  createIntegration,
  deleteIntegration,
  listIntegrations,
  rotateIntegrationKeys,
} from "@/db/queries/integrations";
import { apiKeys } from "@/db/schema";
import { ghostAuthorization as ghostHeader, migratedDb } from "@/test/helpers";
import { authenticateAdminRequest, authenticateContentKey, issueKeys } from "./new-keys";

const audit = { actorId: null, actorLabel: "test" };

describe("integrations", () => {
  beforeAll(() => migratedDb());

  it("authenticate with the keys shown once, and stop after rotation and deletion", async () => {
    const { stored, shown } = issueKeys();
    const { id } = await createIntegration({ name: "Zapier", role: "author", createdBy: null }, stored, audit);
    const raw = JSON.stringify(await getDb().select().from(apiKeys));
    expect(raw).not.toContain(shown.contentKey);
    expect(raw).not.toContain(shown.adminKey.split(":")[1]);

    expect(await authenticateContentKey(shown.contentKey)).toBe(true);
    expect(await authenticateContentKey("0".repeat(26))).toBe(false);
    expect(await authenticateAdminRequest(await ghostHeader(shown.adminKey))).toEqual({
      ok: true,
      actor: { integrationId: id, name: "Zapier", role: "author" },
    });

    const rotated = issueKeys();
    expect(await rotateIntegrationKeys(id, rotated.stored, audit)).toBe(true);
    expect(await authenticateContentKey(shown.contentKey)).toBe(false);
    expect(await authenticateAdminRequest(await ghostHeader(shown.adminKey))).toMatchObject({
      ok: false,
      message: /revoked/,
    });
    expect(await authenticateContentKey(rotated.shown.contentKey)).toBe(true);
    expect((await listIntegrations())[0]!.keys).toHaveLength(2);

    expect(await deleteIntegration(id, audit)).toBe(true);
    expect(await authenticateContentKey(rotated.shown.contentKey)).toBe(false);
    expect(await listIntegrations()).toEqual([]);
  });
});
