// The owner's health page shows the state the test makes: a failed delivery, a backup.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures/test";
import { createStaff, dbTime, onPostgres, run } from "../fixtures/db";
import { E2E_POSTGRES_SECRETS } from "../fixtures/postgres-secrets";
import { signIn, signInAsOwner, unique } from "../fixtures/site";
import { quireCli, tempDir } from "../hostile/own-server";

const facts = (page: import("@playwright/test").Page, section: string) => page.getByRole("region", { name: section });

test("site health: a failed delivery and its error, a backup and its age, the page cache", async ({ page }) => {
  test.setTimeout(120_000);
  const error = `Connection refused by receiver ${unique()}`;
  await run(
    "INSERT INTO outbox (kind, payload, status, attempts, next_attempt_at, last_error, created_at, updated_at) VALUES ('email', '{}', 'failed', 8, ?, ?, ?, ?)",
    dbTime(Date.now()),
    error,
    dbTime(Date.now()),
    dbTime(Date.now() + 60_000), // the newest failure, whatever other journeys left
  );
  // Two reader views: a render, then a page-cache hit.
  await page.request.get("/");
  await page.request.get("/");

  await signInAsOwner(page);
  await page.goto("/admin/health");
  await expect(page.getByRole("heading", { name: "Site health", level: 1 })).toBeVisible();
  const attention = facts(page, "Needs attention");
  await expect(attention.getByText(/^\d+ e-mail or webhook deliver(y has|ies have) failed\.$/)).toBeVisible();
  await expect(facts(page, "E-mail and webhooks")).toContainText(error);
  await expect(facts(page, "Page cache")).toContainText(/Hit ratio\s*\d+ %/);
  await expect(facts(page, "Database")).toContainText(onPostgres() ? "PostgreSQL" : "SQLite");
  // The instance serving the page, listed from its heartbeat under the id its /metrics carries.
  const metrics = await (await page.request.get("/metrics")).text();
  const instance = /^quire_http_requests_total\{[^}]*instance="([^"]+)"\}/m.exec(metrics)?.[1];
  expect(instance).toBeTruthy();
  const row = facts(page, "Instances").getByRole("row", { name: new RegExp(`${instance} \\(this one\\)`) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell")).toHaveText([
    instance!.split(":")[0]!,
    instance!.split(":").at(-1)!,
    /^\d+\.\d+\.\d+/,
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
    /^\d+ seconds ago$/,
  ]);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // A backup through the real CLI on the server's own data folder (and its database, on PostgreSQL).
  const dataDir = process.env.QUIRE_E2E_DATA_DIR!;
  const target = path.join(tempDir("quire-health-backup-"), "backup");
  const database = onPostgres()
    ? { DATABASE_URL: process.env.QUIRE_E2E_DATABASE_URL!, ...E2E_POSTGRES_SECRETS }
    : undefined;
  const backup = await quireCli(dataDir, ["backup", target], database);
  expect(backup.code, backup.stderr).toBe(0);
  await page.reload();
  await expect(facts(page, "Database")).toContainText(new RegExp(`Last backup\\s*\\d+ seconds ago .* in ${target}`));
  await expect(attention).not.toContainText("No backup has been recorded");
});

test("site health is for administrators only", async ({ page }) => {
  const editor = { email: `editor-${unique()}@example.com`, password: "an editor's long password" };
  await createStaff({ role: "editor", name: "Eddie Health", ...editor });
  await signIn(page, editor.email, editor.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/health");
  await expect(
    page.getByRole("alert").filter({ hasText: "Only administrators can see the site’s health." }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Needs attention" })).toHaveCount(0);
});
