import GhostAdminAPI from "@tryghost/admin-api";
import { expect, type Page, test } from "../fixtures/test";
import { writeDraft } from "../fixtures/admin";
import { createIntegration, deleteIntegrationRows, validSignature, webhookReceiver } from "../fixtures/integrations";
import { signInAsOwner, unique } from "../fixtures/site";

// Webhooks reach a receiver on 127.0.0.1 (allowed by the setting the test turns on), signed like Ghost's.
async function allowPrivateTargets(page: Page) {
  await page.goto("/admin/settings/integrations");
  await page.getByLabel("Allow webhooks to private, loopback and link-local addresses").check();
  await page.getByRole("button", { name: "Save webhook safety" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Webhooks may now reach private addresses." })).toBeVisible();
}

async function addWebhook(page: Page, integration: string, event: string, url: string): Promise<string> {
  const card = page.getByRole("listitem", { name: integration, exact: true });
  await card.getByLabel("Event").selectOption(event);
  await card.getByLabel("Target URL").fill(url);
  await card.getByRole("button", { name: `Add webhook to ${integration}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Webhook added for ${event}.` })).toBeVisible();
  const hook = card.getByRole("listitem", { name: `Webhook ${event} to ${url}` });
  return (await hook.locator("code").textContent())!.trim();
}

test("post.published reaches the receiver, signed, from the editor, the Admin API and the scheduler", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const receiver = await webhookReceiver();
  try {
    await signInAsOwner(page);
    await allowPrivateTargets(page);
    const name = `Hooks ${unique()}`;
    const { adminKey } = await createIntegration(page, name, "editor");
    const secret = await addWebhook(page, name, "post.published", receiver.url);
    const word = unique();

    await writeDraft(page, `From the editor ${word}`, "Editor body.");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("button", { name: "Publish now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

    const api = new GhostAdminAPI({ url: baseURL!, key: adminKey, version: "v5.0" });
    await api.posts.add({ title: `From the API ${word}`, markdown: "API body.", status: "published" });
    await api.posts.add({
      title: `From the scheduler ${word}`,
      markdown: "Later.",
      status: "scheduled",
      published_at: new Date(Date.now() + 2000).toISOString(),
    });

    const titles = [`From the editor ${word}`, `From the API ${word}`, `From the scheduler ${word}`];
    const mine = () => receiver.received.filter((item) => titles.includes(String(item.json.post?.current.title)));
    await expect
      .poll(
        () =>
          mine()
            .map((item) => item.json.post!.current.title)
            .sort(),
        { timeout: 20_000 },
      )
      .toEqual([...titles].sort());
    for (const item of mine()) {
      expect(item.event).toBe("post.published");
      expect(validSignature(item, secret)).toBe(true);
      expect(validSignature(item, "0".repeat(64))).toBe(false);
      expect(item.json.post!.current).toMatchObject({ status: "published" });
      expect(item.json.post!.previous).toMatchObject({ published_at: null });
    }
    // Leave the home page as it was for the reader journeys.
    for (const item of mine()) await api.posts.delete({ id: String(item.json.post!.current.id) });
    await deleteIntegrationRows(name);
  } finally {
    await receiver.close();
  }
});

test("a failing receiver is retried until it succeeds, and the admin shows the deliveries", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const receiver = await webhookReceiver({ failFirst: 1 });
  try {
    await signInAsOwner(page);
    await allowPrivateTargets(page);
    const name = `Flaky ${unique()}`;
    const { adminKey } = await createIntegration(page, name, "editor");
    await addWebhook(page, name, "post.published", receiver.url);
    const title = `Retried ${unique()}`;
    const api = new GhostAdminAPI({ url: baseURL!, key: adminKey, version: "v5.0" });
    await api.posts.add({ title, markdown: "Body.", status: "published" });

    const mine = () => receiver.received.filter((item) => item.json.post?.current.title === title);
    await expect.poll(() => mine().length, { timeout: 20_000 }).toBe(2);
    await expect
      .poll(
        async () => {
          await page.goto("/admin/settings/integrations");
          const row = page
            .getByRole("listitem", { name: `Webhook post.published to ${receiver.url}` })
            .getByRole("row")
            .nth(1);
          return (await row.textContent()) ?? "";
        },
        { timeout: 10_000 },
      )
      .toMatch(/sent2200/);
    await api.posts.delete({ id: String(mine()[0]!.json.post!.current.id) });
    await deleteIntegrationRows(name);
  } finally {
    await receiver.close();
  }
});
