import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures/test";
import { createStaff } from "../fixtures/db";
import { signIn, signInAsOwner, unique } from "../fixtures/site";

// The real WordPress export, kept in the repository (test/corpora) so a clone alone runs this.
const themeUnitTest = path.resolve(
  __dirname,
  "..",
  "..",
  "test",
  "corpora",
  "wordpress",
  "themeunittestdata.wordpress.xml",
);

test("the owner imports a WordPress export: dry run, confirm, progress, report, then the posts are on the site", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsOwner(page);
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Import / Export" }).click();
  await expect(page.getByRole("heading", { name: "Import / Export", level: 1 })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.getByLabel("File to import").setInputFiles(themeUnitTest);
  await page.getByRole("button", { name: "Upload and check" }).click();
  const dryRun = page.getByRole("region", { name: /Dry run/ });
  await expect(dryRun).toBeVisible({ timeout: 60_000 });
  await expect(dryRun).toContainText("themeunittestdata.wordpress.xml (wordpress)");
  await expect(dryRun.getByRole("definition").first()).toContainText(/\d+ post/);
  await expect(dryRun).toContainText("Words preserved");

  await page.getByRole("button", { name: "Import", exact: true }).click();
  // The job runs in the server: the page follows it, and a reload finds it again.
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report.or(page.getByRole("progressbar"))).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(report).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole("status")).toContainText("Import finished: themeunittestdata.wordpress.xml");
  await expect(report).toContainText("Words preserved");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download report (JSON)" }).click();
  const saved = JSON.parse(fs.readFileSync((await (await download).path())!, "utf8")) as {
    status: string;
    report: { format: string; dryRun: boolean };
  };
  expect(saved).toMatchObject({ status: "done", report: { format: "wordpress", dryRun: false } });

  // An old WordPress permalink answers 301 to the imported post, which the site shows.
  const old = await page.request.get("/2013/01/11/markup-html-tags-and-formatting", { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  await page.goto(new URL(old.headers().location!, page.url()).pathname);
  await expect(page.getByRole("heading", { name: "Markup: HTML Tags and Formatting", level: 1 })).toBeVisible();
});

test("the owner downloads a Quire JSON export", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/admin/settings/import-export");
  await page.getByLabel("Format").selectOption("quire");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download export" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^quire-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync((await file.path())!, "utf8")) as { format: string };
  expect(exported.format).toBe("quire-export");
});

test("an author is refused the page, the upload and the export", async ({ page }) => {
  const author = await createStaff({
    role: "author",
    email: `author-${unique()}@example.com`,
    name: "Ann Author",
    password: "a long author password",
  });
  await signIn(page, author.email, author.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/settings/import-export");
  await expect(page.getByText("Only administrators can import and export the site.")).toBeVisible();
  const origin = new URL(page.url()).origin;
  const upload = await page.request.post("/api/import-export/upload?name=x.xml", {
    headers: { origin },
    data: "<rss/>",
  });
  expect(upload.status()).toBe(403);
  const exported = await page.request.post("/api/import-export/export", {
    headers: { origin },
    form: { format: "quire" },
  });
  expect(exported.status()).toBe(403);
});
